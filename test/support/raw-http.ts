import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  /** The header lines, lower-cased names. */
  headers: Record<string, string>;
  /** The body parsed as JSON ({} when empty). */
  body: Record<string, unknown> & { error?: { status: string; reason: string; message: string; request_id: string }; message?: string };
}

/** The answer in `text` once it is whole (its head, and as much body as Content-Length says), else null. */
function wholeAnswer(text: string, closed: boolean): RawAnswer | null {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const body = text.slice(end + 4);
  const length = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
  if (length === undefined ? !closed : Buffer.byteLength(body) < length) return null;
  const json = length === undefined ? body : Buffer.from(body).subarray(0, length).toString('utf8');
  return { status: Number(statusLine.split(' ')[1]), headers, body: json ? (JSON.parse(json) as RawAnswer['body']) : {} };
}

/**
 * Writes `request` as raw bytes to the server at `baseUrl` (what fetch cannot send: a broken
 * request line, headers over the parser's limit, a body shorter than its Content-Length) and reads
 * the first answer. The socket is left open until that answer is whole: an early end would be
 * read by the server as a request cut short.
 */
export function rawRequest(baseUrl: string, request: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const settle = (closed: boolean) => {
      const answer = wholeAnswer(Buffer.concat(chunks).toString('utf8'), closed);
      if (answer) {
        socket.destroy();
        resolve(answer);
      } else if (closed) reject(new Error(`the server closed without a whole answer: ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`));
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      settle(false);
    });
    // The server answers before it has read everything sent: a reset after its answer is no failure.
    socket.on('error', (error) => (chunks.length ? undefined : reject(error)));
    socket.on('close', () => settle(true));
    socket.write(request);
  });
}

/** A request line ~200 kB long: over Node's 16 kB limit for the request line and headers. */
export const oversizedRequest = (method: string, path: string): string => `${method} ${path}?q=${'a'.repeat(200_000)} HTTP/1.1\r\nHost: x\r\n\r\n`;

/** A request line that is not HTTP/1.1 (a fourth word). */
export const garbledRequest = (path: string): string => `GET ${path} HTTP/1.1 extra\r\nHost: x\r\n\r\n`;
