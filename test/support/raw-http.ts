import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  /** The header lines, lower-cased names. */
  headers: Record<string, string>;
  /** The body parsed as JSON ({} when empty). */
  body: Record<string, unknown> & { error?: { status: string; reason: string; message: string; request_id: string }; message?: string };
}

/**
 * Writes `request` as raw bytes to the server at `baseUrl` (what fetch cannot send: a broken
 * request line, headers over the parser's limit) and reads the answer until the server closes.
 */
export function rawRequest(baseUrl: string, request: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server answers before it has read everything sent: a reset after its answer is no failure.
    socket.on('error', (error) => (chunks.length ? undefined : reject(error)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      const body = rest.join('\r\n\r\n');
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body ? (JSON.parse(body) as RawAnswer['body']) : {} });
    });
    socket.end(request);
  });
}

/** A request line ~200 kB long: over Node's 16 kB limit for the request line and headers. */
export const oversizedRequest = (method: string, path: string): string => `${method} ${path}?q=${'a'.repeat(200_000)} HTTP/1.1\r\nHost: x\r\n\r\n`;

/** A request line that is not HTTP/1.1 (a fourth word). */
export const garbledRequest = (path: string): string => `GET ${path} HTTP/1.1 extra\r\nHost: x\r\n\r\n`;
