/** `${name}` in a flow action's options: the variable's value, or '' when it is not set. */
const VARIABLE = /\$\{([^${}]+)\}/g;

export function substituteText(text: string, variables: Readonly<Record<string, string>>): string {
  return text.replace(VARIABLE, (_match, name: string) => variables[name.trim()] ?? '');
}

/** Substitutes every string inside a JSON value (keys stay as written). */
export function substituteVariables(value: unknown, variables: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') return substituteText(value, variables);
  if (Array.isArray(value)) return value.map((item) => substituteVariables(item, variables));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteVariables(item, variables)]));
  }
  return value;
}
