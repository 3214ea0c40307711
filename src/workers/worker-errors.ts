import type { Logger } from '../platform/logger';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

const isConnectionError = (error: Error): boolean =>
  CONNECTION_CODES.has((error as NodeJS.ErrnoException).code ?? '') || /Connection is closed/.test(error.message);

/**
 * A job whose lock lapsed while Redis was away is taken back as stalled and run again (ours are
 * idempotent); the first run then finds its job finished or gone when it reports.
 */
const isTakenOver = (error: Error): boolean => /^Missing (key|lock) for job /.test(error.message);

/**
 * A BullMQ worker's errors: losing Redis is the outage log's to say (once), not a line per
 * retry of every blocking connection, and a job run again after it is a consequence of it;
 * anything else is an error.
 */
export function logWorkerErrors(worker: { on(event: 'error', listener: (error: Error) => void): unknown }, logger: Logger, what: string): void {
  worker.on('error', (error) => {
    if (isConnectionError(error)) logger.debug({ err: error }, `${what}: Redis connection error`);
    else if (isTakenOver(error)) logger.info({ err: error }, `${what}: a job was run again after its lock lapsed`);
    else logger.error({ err: error }, `${what} error`);
  });
}
