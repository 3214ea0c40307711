import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { closeCodeOf, ERROR_TABLE, internalError } from '../domain/errors';
import { answerParserErrors, endWithJson } from '../platform/http-parser-errors';
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
  endWithJson(socket, ERROR_TABLE[known.code].http, errorEnvelope(known, requestId), known.retryAfterSeconds !== undefined ? { 'Retry-After': known.retryAfterSeconds } : {});
}

/** Closes an open socket for an error: code 4000 + its HTTP status, the message as the reason. */
export function closeFor(ws: Pick<WebSocket, 'close'>, error: unknown): void {
  const known = knownError(error) ?? internalError();
  ws.close(closeCodeOf(known.code), clip(`${known.code}: ${known.message}`));
}

/**
 * The API's HTTP servers (the API, a worker's operations port) answer a request their parser
 * refused in REST's error body, with a fresh request id: its path is not known to be readable.
 */
export function answerParserErrorsInRest(server: Server): void {
  answerParserErrors(server, (socket, refusal) => answerOnSocket(socket, refusal, requestIdOf(undefined)));
}
