import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { coalescedSender } from './coalesced-socket';

/**
 * coalescedSender on a real WebSocket over loopback TCP: the server side's net.Socket is the
 * stream, and its `_write`/`_writev` (what Node calls once per write it hands to the kernel) are
 * counted, or held back to stand for a client that does not read.
 */
interface Pair {
  server: WebSocket;
  stream: Socket;
  /** The number of chunks of each write the stream made. */
  writes: number[];
  received: string[];
}

let http: Server;
let wss: WebSocketServer;
let port: number;
const clients: WebSocket[] = [];

beforeAll(async () => {
  http = createServer();
  wss = new WebSocketServer({ noServer: true });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;
});
afterEach(() => {
  for (const client of clients.splice(0)) client.terminate();
});
afterAll(async () => {
  wss.close();
  await new Promise((resolve) => http.close(resolve));
});

async function connect(): Promise<Pair> {
  const accepted = new Promise<{ server: WebSocket; stream: Socket }>((resolve) =>
    http.once('upgrade', (req, stream: Socket, head: Buffer) => wss.handleUpgrade(req, stream, head, (server) => resolve({ server, stream }))),
  );
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  clients.push(client);
  const received: string[] = [];
  client.on('message', (data) => received.push(String(data)));
  await new Promise((resolve) => client.once('open', resolve));
  const { server, stream } = await accepted;
  const writes: number[] = [];
  const write = stream._write.bind(stream);
  const writev = stream._writev!.bind(stream);
  stream._write = (chunk, encoding, callback) => {
    writes.push(1);
    write(chunk, encoding, callback);
  };
  stream._writev = (chunks, callback) => {
    writes.push(chunks.length);
    writev(chunks, callback);
  };
  return { server, stream, writes, received };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function untilReceived(pair: Pair, count: number): Promise<void> {
  while (pair.received.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

it('hands the frames sent in one turn to the socket in one write, in order', async () => {
  const pair = await connect();
  const send = coalescedSender(pair.server, pair.stream);
  const frames = Array.from({ length: 20 }, (_, i) => `frame ${i}`);
  for (const frame of frames) await send(frame);
  await untilReceived(pair, frames.length);
  expect(pair.writes).toHaveLength(1);
  expect(pair.received).toEqual(frames);
});

it('writes each turn on its own and keeps the order across turns', async () => {
  const pair = await connect();
  const send = coalescedSender(pair.server, pair.stream);
  await Promise.all([send('a'), send('b')]);
  await nextTurn();
  await Promise.all([send('c'), send('d'), send('e')]);
  await untilReceived(pair, 5);
  expect(pair.writes).toHaveLength(2);
  expect(pair.received).toEqual(['a', 'b', 'c', 'd', 'e']);
});

it('answers a send at once under the bound, and only once the frame is written above it', async () => {
  const pair = await connect();
  const writev = pair.stream._writev!.bind(pair.stream);
  const held: Array<() => void> = [];
  pair.stream._writev = (chunks, callback) => void held.push(() => writev(chunks, callback));
  const send = coalescedSender(pair.server, pair.stream, 1024);

  await send('x'.repeat(100));
  expect(held).toHaveLength(0);

  let written = false;
  const big = send('y'.repeat(2000)).then(() => (written = true));
  await nextTurn();
  expect(held).toHaveLength(1);
  expect(written).toBe(false);

  held.shift()!();
  await big;
  await untilReceived(pair, 2);
  expect(pair.received).toEqual(['x'.repeat(100), 'y'.repeat(2000)]);
});

it('drops a frame for a socket that is closing', async () => {
  const pair = await connect();
  const send = coalescedSender(pair.server, pair.stream);
  pair.server.close();
  await expect(send('late')).resolves.toBeUndefined();
});
