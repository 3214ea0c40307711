import type { Duplex } from 'node:stream';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { WebSocket } from 'ws';
import { AppError, closeCodeOf, ERROR_TABLE, internalError } from '../domain/errors';
import { knownError } from '../platform/known-error';
import { errorEnvelope } from '../rest/rest-errors';
import { requestIdOf } from './request-id';

/** A WebSocket's close reason is at most 123 bytes. */
const MAX_REASON_BYTES = 123;

function clip(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > MAX_REASON_BYTES) reason = reason.slice(0, -1);
  return reason;
}

/**
 * Answers on the bare socket, before Express has a request (an upgrade refused before it happens,
 * a request Node's parser could not read): the error's HTTP status and REST's error body.
 */
export function answerOnSocket(socket: Duplex, error: unknown, requestId = ''): void {
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

/** What a request Node's HTTP parser refused is told, by the parser's error code (the rest: not HTTP). */
function clientErrorOf(error: NodeJS.ErrnoException): AppError {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return new AppError('HEADERS_TOO_LARGE', `The request line and headers are too large (at most ${maxHeaderSize} bytes in all).`);
  }
  if (error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return new AppError('PAYLOAD_TOO_LARGE', 'The chunk extensions of the body are too large.');
  return new AppError('MALFORMED_REQUEST', `The request is not valid HTTP/1.1 (${error.code ?? 'unreadable'}).`);
}

/**
 * The http server's 'clientError': a request its parser refused, before Express sees it. Answered
 * as every other error, in REST's body, instead of Node's bare status line. A timed-out request
 * keeps Node's own bare 408 (no code of ours for it); nothing is written once an answer has begun.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }): void {
  if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten) {
    socket.destroy();
    return;
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
    return;
  }
  answerOnSocket(socket, clientErrorOf(error), requestIdOf(undefined));
}
