import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import type { WebSocket } from 'ws';
import { closeCodeOf, ERROR_TABLE, internalError } from '../domain/errors';
import { knownError } from '../platform/known-error';
import { errorEnvelope } from '../rest/rest-errors';

/** A WebSocket's close reason is at most 123 bytes. */
const MAX_REASON_BYTES = 123;

function clip(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > MAX_REASON_BYTES) reason = reason.slice(0, -1);
  return reason;
}

/** Refuses an upgrade before it happens: the error's HTTP status and REST's error body. */
export function refuseUpgrade(socket: Duplex, error: unknown, requestId = ''): void {
  const known = knownError(error) ?? internalError();
  const status = ERROR_TABLE[known.code].http;
  const body = JSON.stringify(errorEnvelope(known, requestId));
  const retryAfter = known.retryAfterSeconds !== undefined ? `Retry-After: ${known.retryAfterSeconds}\r\n` : '';
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\n${retryAfter}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Closes an open socket for an error: code 4000 + its HTTP status, the message as the reason. */
export function closeFor(ws: Pick<WebSocket, 'close'>, error: unknown): void {
  const known = knownError(error) ?? internalError();
  ws.close(closeCodeOf(known.code), clip(`${known.code}: ${known.message}`));
}
