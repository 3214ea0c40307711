import http from 'node:http';
import https from 'node:https';

export interface AriRestSettings {
  url: string;
  username: string;
  password: string;
}

/** Answers Asterisk's body (parsed when JSON); rejects as ari-client does, with the body as the message. */
export type AriRestCall = ((method: 'POST' | 'DELETE', path: string, query: Record<string, string>, body?: unknown) => Promise<unknown>) & {
  /** Closes the kept-alive connections. */
  close(): void;
};

/**
 * The ARI requests every call makes (create, dial, hangup) as plain HTTP on kept-alive
 * connections. ari-client builds each request through swagger-client, shred and bluebird, which
 * cost the worker more CPU than the rest of a call's ARI work together (bench/README.md). A
 * failure rejects with an Error whose message is Asterisk's body, as ari-client's does, so
 * ari-errors.ts reads both alike. Bounded by `timeoutMs`, as every ARI request is: from its start
 * to the end of its answer, the wait for a socket, the connect and a resend included (a socket's
 * idle timeout alone would let a queued or slowly answered request run past it).
 */
class StaleSocket extends Error {}

export function createAriRest(settings: AriRestSettings, timeoutMs: number): AriRestCall {
  const base = new URL(settings.url);
  const transport = base.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 64 });
  const authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString('base64')}`;
  const prefix = base.pathname.replace(/\/$/, '');

  /**
   * A kept-alive connection the server has just closed fails the request sent on it (ECONNRESET,
   * "socket hang up") before the server saw it: such a request is sent once more on a new one.
   */
  const call = async (method: 'POST' | 'DELETE', path: string, query: Record<string, string>, body?: unknown): Promise<unknown> => {
    const deadline = Date.now() + timeoutMs;
    try {
      return await send(method, path, query, body, deadline);
    } catch (error) {
      if (!(error instanceof StaleSocket)) throw error;
      return send(method, path, query, body, deadline, false);
    }
  };

  const send = (method: 'POST' | 'DELETE', path: string, query: Record<string, string>, body: unknown, deadline: number, reuse = true) =>
    new Promise<unknown>((settleResolve, settleReject) => {
      // Both run only once the request is under way (its timer set below).
      const resolve = (value: unknown) => {
        clearTimeout(timer);
        settleResolve(value);
      };
      const reject = (error: unknown) => {
        clearTimeout(timer);
        settleReject(error);
      };
      const search = new URLSearchParams(query).toString();
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = transport.request(
        {
          agent: reuse ? agent : false,
          method,
          host: base.hostname,
          port: base.port,
          path: `${prefix}/ari${path}${search ? `?${search}` : ''}`,
          headers: { authorization, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((response.statusCode ?? 500) >= 400) return reject(new Error(text || `ARI answered ${response.statusCode}`));
            if (!text) return resolve(undefined);
            try {
              resolve(JSON.parse(text));
            } catch {
              resolve(text);
            }
          });
          response.on('error', reject);
        },
      );
      const timer = setTimeout(() => request.destroy(new Error(`ARI request timed out after ${timeoutMs} ms`)), Math.max(0, deadline - Date.now()));
      request.on('error', (error: NodeJS.ErrnoException) => {
        const stale = request.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up');
        reject(stale ? new StaleSocket(error.message) : error);
      });
      request.end(payload);
    });
  return Object.assign(call, { close: () => agent.destroy() });
}
