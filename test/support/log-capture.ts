import { createLogger, type Logger } from '../../src/platform/logger';

export interface LogRecord {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export const WARN = 40;

/** A real pino logger whose records the test reads (every level from debug up). */
export function captureLogs(): { logger: Logger; records: LogRecord[]; since(index: number): LogRecord[] } {
  const records: LogRecord[] = [];
  const logger = createLogger('debug', 'opencall', { destination: { write: (line: string) => void records.push(JSON.parse(line) as LogRecord) } });
  return { logger, records, since: (index) => records.slice(index) };
}
