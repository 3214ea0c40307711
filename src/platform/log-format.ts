const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const COLOURS: Record<number, string> = { 10: '90', 20: '90', 30: '32', 40: '33', 50: '31', 60: '35' };
const OMITTED = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'name', 'part', 'err', 'v']);

const valueText = (value: unknown): string => (typeof value === 'string' ? (/\s/.test(value) ? JSON.stringify(value) : value) : JSON.stringify(value));

/**
 * One pino record as a person reads it on a terminal:
 * `06:55:12.123 INFO  [flows] activeflow finished callId=… status=ended`, then an error's stack.
 */
export function formatLogRecord(record: Record<string, unknown>, colour = false): string {
  const level = typeof record.level === 'number' ? record.level : 30;
  const time = typeof record.time === 'number' ? new Date(record.time).toISOString().slice(11, 23) : '';
  const label = LEVELS[level] ?? String(level);
  const tag = colour ? `\u001b[${COLOURS[level] ?? '0'}m${label}\u001b[0m` : label;
  const part = record.part ? ` [${String(record.part)}]` : '';
  const message = String(record.msg ?? '');
  // A value the message already says (the call id in "call <id> ringing") is not said twice.
  const fields = Object.entries(record)
    .filter(([key, value]) => !OMITTED.has(key) && value !== undefined && !(typeof value === 'string' && value.length > 0 && message.includes(value)))
    .map(([key, value]) => `${key}=${valueText(value)}`);
  const err = record.err as { message?: string; stack?: string } | undefined;
  const tail = err ? `\n    ${(err.stack ?? err.message ?? '').split('\n').join('\n    ')}` : '';
  return `${time} ${tag}${part} ${message}${fields.length ? `  ${fields.join(' ')}` : ''}${tail}\n`;
}
