import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerParserErrors, endWithJson } from '../../platform/http-parser-errors';
import { credentialsCheck } from './credentials';
import { createEventHub } from './event-hub';
import { serveEventSocket } from './event-socket';
import type { SimulatorDelays } from './far-end';
import { createHttpApp } from './http-app';
import { createSandbox } from './sandbox';

export type { SimulatorDelays };
export { PLAYBACK_MS } from './playbacks';

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** When both are set, ARI requests must carry them (basic auth or api_key=user:pass). */
  username?: string;
  password?: string;
  delays: SimulatorDelays;
}

export interface RunningSimulator {
  /** The base URL ari-client connects to, e.g. http://127.0.0.1:8088; /sim is on it too. */
  url: string;
  port: number;
  /** Stops every timer, socket and connection; the process may exit after it. */
  close(): Promise<void>;
}

/**
 * An Asterisk 22 stand-in that ari-client connects to like to the real one (ARI over HTTP, events
 * over WebSocket), playing the far end of every call by the sandbox number plan
 * (docs/sandbox.md), with a /sim control surface to play and inspect the far ends.
 */
export async function startAriSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const hub = createEventHub();
  const sandbox = createSandbox(hub, options.delays);
  const authorized = credentialsCheck(options.username, options.password);
  const server = createServer(createHttpApp(sandbox, hub, authorized));
  // A request the parser refuses is answered as every other error here: ARI's `{"message": …}` body.
  answerParserErrors(server, (socket, refusal, status) => endWithJson(socket, status, { message: refusal.message }));
  const eventSockets = serveEventSocket(server, hub, authorized);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        sandbox.closeAll();
        for (const socket of eventSockets.clients) socket.terminate();
        await new Promise<void>((resolve) => eventSockets.close(() => resolve()));
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
