/** GraphQL spells enums in capitals; the console shows them as the REST API and the docs do. */
export const lower = (value: string | null | undefined): string => (value ?? '').toLowerCase();

export function StatusBadge({ status }: { status: string }) {
  return <span className={`status status-${lower(status)}`}>{lower(status)}</span>;
}
