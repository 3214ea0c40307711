import { maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, ERROR_TABLE } from '../domain/errors';

/**
 * A whole HTTP/1.1 answer with a JSON body, written on a bare socket (no Express response exists
 * yet: the parser refused the request, or an upgrade is refused), and the socket closed after it.
 */
export function endWithJson(socket: Duplex, status: number, body: unknown, headers: Readonly<Record<string, string | number>> = {}): void {
  const text = JSON.stringify(body);
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\n${extra}Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
}

/** What a request Node's HTTP parser refused is told, by the parser's error code (the rest: not HTTP). */
export function parserRefusal(error: NodeJS.ErrnoException): AppError {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return new AppError('HEADERS_TOO_LARGE', `The request line and headers are too large (at most ${maxHeaderSize} bytes in all).`);
  }
  if (error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return new AppError('PAYLOAD_TOO_LARGE', 'The chunk extensions of the body are too large.');
  return new AppError('MALFORMED_REQUEST', `The request is not valid HTTP/1.1 (${error.code ?? 'unreadable'}).`);
}

/** Writes a parser's refusal (with its HTTP status) in the error form of the server it came to. */
export type RefusalWriter = (socket: Duplex, refusal: AppError, status: number) => void;

/**
 * Makes every HTTP server of the product (the API, a worker's operations port, the ARI simulator)
 * answer a request its parser refused (headers over Node's limit, not HTTP at all) with the status
 * of the error table and a body in that server's own error form, instead of Node's bare status
 * line. A timed-out request keeps Node's own bare 408 (no code of ours for it); nothing is written
 * once an answer has begun, or to a socket the client already reset.
 */
export function answerParserErrors(server: Server, write: RefusalWriter): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }) => {
    if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten) {
      socket.destroy();
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      return;
    }
    const refusal = parserRefusal(error);
    write(socket, refusal, ERROR_TABLE[refusal.code].http);
  });
}
