import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { readdirSync } from 'node:fs';
import { loadTrace, TRACE_DIR } from '../../../test/support/traces';
import { openAriEventStream, type AriEventStream } from './ari-event-stream';
import type { AriEvent } from './ari-events';

/**
 * The adapter's own event WebSocket against a server that plays Asterisk's side: every event of
 * every recorded trace (test/fixtures/ari-traces) arrives as Asterisk sent it, in order; a
 * dropped socket is opened again.
 */
let server: Server;
let sockets: WebSocketServer;
let url: string;
const upgrades: IncomingMessage[] = [];
const clients: WebSocket[] = [];
let streams: AriEventStream[] = [];

beforeAll(async () => {
  server = createServer();
  sockets = new WebSocketServer({ server, path: '/ari/events' });
  sockets.on('connection', (ws, req) => {
    upgrades.push(req);
    clients.push(ws);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
let afterSilent = () => undefined as void;
afterEach(() => {
  for (const stream of streams) stream.close();
  streams = [];
  afterSilent();
  afterSilent = () => undefined;
});
afterAll(async () => {
  for (const ws of sockets.clients) ws.terminate();
  sockets.close();
  server.close();
  await once(server, 'close');
});

function open(at = url) {
  const heard: AriEvent[] = [];
  const said: string[] = [];
  let wake: () => void = () => undefined;
  const stream = openAriEventStream(
    { url: at, username: 'user', password: 'p:ss', app: 'opencall', requestTimeoutMs: 200 },
    {
      event: (raw) => {
        heard.push(raw);
        wake();
      },
      connected: () => {
        said.push('connected');
        wake();
      },
      reconnecting: () => said.push('reconnecting'),
      gaveUp: () => said.push('gave up'),
    },
  );
  streams.push(stream);
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => (wake = resolve));
  };
  return { stream, heard, said, until };
}

it('hands on every recorded event as Asterisk sent it, in order, asking for the app with the api_key', async () => {
  const { stream, heard, until } = open();
  expect(await stream.opened).toBe(true);
  const request = new URL(upgrades.at(-1)!.url!, url);
  expect([request.searchParams.get('app'), request.searchParams.get('api_key')]).toEqual(['opencall', 'user:p:ss']);
  const sent = readdirSync(TRACE_DIR)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => loadTrace(file.replace(/\.json$/, '')).filter((item) => item.type));
  for (const event of sent) clients.at(-1)!.send(JSON.stringify(event));
  await until(() => heard.length === sent.length);
  expect(heard).toEqual(sent);
});

it('opens the socket again when it drops, saying so, and closes it when closed', async () => {
  const { stream, heard, said, until } = open();
  await stream.opened;
  const first = clients.at(-1)!;
  first.terminate();
  await until(() => said.filter((what) => what === 'connected').length === 2);
  expect(said).toEqual(['connected', 'reconnecting', 'connected']);
  const second = clients.at(-1)!;
  expect(second).not.toBe(first);
  second.send(JSON.stringify({ type: 'ChannelDestroyed', channel: { id: 'c1', state: 'Up' }, cause: 16 }));
  await until(() => heard.length === 1);
  stream.close();
  await once(second, 'close');
});

it('tries again when a server takes the connection and never answers the upgrade', async () => {
  const held: Socket[] = [];
  const silent = createTcpServer((socket) => void held.push(socket));
  afterSilent = () => {
    for (const socket of held) socket.destroy();
    silent.close();
  };
  silent.listen(0, '127.0.0.1');
  await once(silent, 'listening');
  const { said } = open(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`);
  // A second connection comes only once the first one's handshake was given up.
  while (held.length < 2) await once(silent, 'connection');
  expect(said[0]).toBe('reconnecting');
});
