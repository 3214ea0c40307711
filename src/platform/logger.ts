import pino, { type DestinationStream, type Logger } from 'pino';
import { formatLogRecord } from './log-format';

export type { Logger };

export type LogFormat = 'auto' | 'json' | 'pretty';

/** Lines for a person: pino's JSON records re-written by formatLogRecord. */
const prettyTo = (out: NodeJS.WriteStream): DestinationStream => ({
  write(line: string) {
    try {
      out.write(formatLogRecord(JSON.parse(line) as Record<string, unknown>, out.isTTY === true));
    } catch {
      out.write(line);
    }
  },
});

/**
 * JSON lines for log collectors; on a terminal ('auto') lines a person reads. `destination`
 * replaces stdout (tests capture the records there).
 */
export function createLogger(level: string, name = 'opencall', options: { format?: LogFormat; destination?: DestinationStream } = {}): Logger {
  if (options.destination) return pino({ name, level }, options.destination);
  const pretty = options.format === 'pretty' || ((options.format ?? 'auto') === 'auto' && process.stdout.isTTY === true);
  return pretty ? pino({ name, level }, prettyTo(process.stdout)) : pino({ name, level });
}
