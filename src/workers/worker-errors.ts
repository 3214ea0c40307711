import type { Logger } from '../platform/logger';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

const isConnectionError = (error: Error): boolean =>
  CONNECTION_CODES.has((error as NodeJS.ErrnoException).code ?? '') || /Connection is closed/.test(error.message);

/**
 * A BullMQ worker's errors: losing Redis is the outage log's to say (once), not a line per
 * retry of every blocking connection; anything else is an error.
 */
export function logWorkerErrors(worker: { on(event: 'error', listener: (error: Error) => void): unknown }, logger: Logger, what: string): void {
  worker.on('error', (error) => {
    if (isConnectionError(error)) logger.debug({ err: error }, `${what}: Redis connection error`);
    else logger.error({ err: error }, `${what} error`);
  });
}
