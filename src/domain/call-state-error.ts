import type { CallStatus } from './call-status';
import { AppError } from './errors';

/** An operation that needs an answered call that is still up, refused with the reason it cannot run. */
export function callNotUp(status: CallStatus | string, message: string): AppError {
  if (status === 'hangup') return new AppError('CALL_ALREADY_HUNGUP', message);
  if (status === 'terminating' || status === 'canceling') return new AppError('CALL_ENDING', message);
  return new AppError('CALL_NOT_ANSWERED', message);
}
