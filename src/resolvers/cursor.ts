import { invalidArgument } from '../domain/errors';
import type { CallCursor } from '../domain/call';
import { isUuid } from '../services/ids';

/** Opaque list cursors: base64url of "<tm_create in µs>:<id>". */
export const encodeCursor = (cursor: CallCursor): string =>
  Buffer.from(`${cursor.createdUs.toString()}:${cursor.id}`).toString('base64url');

export function decodeCursor(value: string): CallCursor {
  const [micros, id] = Buffer.from(value, 'base64url').toString('utf8').split(':');
  if (!micros || !/^[0-9]{1,20}$/.test(micros) || !isUuid(id)) throw invalidArgument('after', 'is not a cursor this API gave out');
  return { createdUs: BigInt(micros), id };
}
