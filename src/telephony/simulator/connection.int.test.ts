import { request } from 'node:http';
import { connect } from 'ari-client';
import { WebSocket } from 'ws';
import { garbledRequest, oversizedRequest, rawRequest as rawBytes } from '../../../test/support/raw-http';
import { startAriSimulator } from './index';
import { EventLog, PASSWORD, startKit, TEST_DELAYS, traceWords, USER, wordsOf, type AriClientLike, type Kit } from './simulator-test-kit';

/** How ari-client connects, authenticates, reconnects and originates; and that close() cleans up. */
let kit: Kit;
beforeAll(async () => {
  kit = await startKit(connect);
});
afterAll(() => kit.close());

const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

/** A request on a connection of its own, closed after: nothing of it outlives the answer. */
function rawRequest(url: string, method: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: { connection: 'close', ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('what ari-client loads and how it is let in', () => {
  it('serves the swagger documents of the resources it implements, pointing back at itself', async () => {
    const list = JSON.parse((await rawRequest(`${kit.sim.url}/ari/api-docs/resources.json`, 'GET', { authorization: basic })).body) as { basePath: string; apis: { path: string }[] };
    expect(list.basePath).toBe(`${kit.sim.url}/ari`);
    expect(list.apis.map((api) => api.path)).toEqual(
      ['asterisk', 'applications', 'channels', 'bridges', 'playbacks', 'recordings', 'events'].map((name) => `/api-docs/${name}.{format}`),
    );
    expect((await rawRequest(`${kit.sim.url}/ari/api-docs/endpoints.json`, 'GET', { authorization: basic })).status).toBe(404);
    const unknown = await rawRequest(`${kit.sim.url}/ari/endpoints`, 'GET', { authorization: basic });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ message: expect.any(String) });
  });

  it('asks for the credentials, by basic auth or api_key, on REST and on the event socket', async () => {
    expect((await rawRequest(`${kit.sim.url}/ari/channels`, 'GET')).status).toBe(401);
    expect((await rawRequest(`${kit.sim.url}/ari/channels`, 'GET', { authorization: `Basic ${Buffer.from('opencall:wrong').toString('base64')}` })).status).toBe(401);
    expect((await rawRequest(`${kit.sim.url}/ari/channels?api_key=${USER}:${PASSWORD}`, 'GET')).status).toBe(200);
    const refused = new WebSocket(`${kit.sim.url.replace('http', 'ws')}/ari/events?app=voice&api_key=${USER}:wrong`);
    const status = await new Promise<number>((resolve) =>
      refused.on('unexpected-response', (req, res) => {
        req.destroy();
        resolve(res.statusCode ?? 0);
      }),
    );
    expect(status).toBe(401);
  });

  it('answers asterisk/info, ping and applications like Asterisk 22', async () => {
    expect(await kit.ari.asterisk.getInfo!()).toMatchObject({ system: { version: expect.stringMatching(/^22\./), entity_id: '02:fc:00:00:00:01' } });
    expect(await kit.ari.asterisk.ping!()).toMatchObject({ ping: 'pong', asterisk_id: '02:fc:00:00:00:01' });
    expect(await kit.ari.applications.list!()).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'voice' })]));
    await expect(kit.ari.applications.get!({ applicationName: 'nope' })).rejects.toThrow('Application not found');
  });
});

describe('a request its HTTP parser refuses', () => {
  // Answered as every other error of this Asterisk: the status, and ARI's `{"message": …}` body.
  it.each(['/ari/channels', '/ari/events', '/sim/channels', '/nowhere'])('a ~200 kB request line to %s is 431, in ARI\'s error form', async (path) => {
    const answer = await rawBytes(kit.sim.url, oversizedRequest('GET', path));
    expect({ status: answer.status, type: answer.headers['content-type'], body: answer.body }).toEqual({
      status: 431,
      type: 'application/json',
      body: { message: expect.stringMatching(/request line and headers are too large/) },
    });
  });

  it('a request line that is not HTTP/1.1 is 400, and chunk extensions over the limit are 413', async () => {
    expect(await rawBytes(kit.sim.url, garbledRequest('/ari/channels'))).toMatchObject({ status: 400, body: { message: expect.stringMatching(/not valid HTTP/) } });
    const chunked = `POST /ari/channels HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1;${'a'.repeat(200_000)}\r\nx\r\n0\r\n\r\n`;
    expect(await rawBytes(kit.sim.url, chunked)).toMatchObject({ status: 413, body: { message: expect.stringMatching(/chunk extensions/) } });
    expect((await rawRequest(`${kit.sim.url}/ari/channels`, 'GET', { authorization: basic })).status).toBe(200);
  });
});

describe('the event socket', () => {
  it('answers ari-client pings', async () => {
    const pong = new Promise<void>((resolve) => kit.ari.once('pong', () => resolve()));
    (kit.ari as unknown as { ping(): void }).ping();
    await pong;
  });

  it('lets ari-client reconnect after a drop; the live channels are still listed and events flow again', async () => {
    await kit.ari.channels.create!({ endpoint: 'PJSIP/+15550002100@carrier', app: kit.app, channelId: 'survivor-1' });
    await kit.ari.channels.dial!({ channelId: 'survivor-1' });
    await kit.log.waitFor('Dial', 'survivor-1', (event) => event.dialstatus === 'RINGING');
    const reconnecting = new Promise<void>((resolve) => kit.ari.once('WebSocketReconnecting', () => resolve()));
    const reconnected = new Promise<void>((resolve) => kit.ari.once('WebSocketConnected', () => resolve()));
    const dropped = (await (await kit.simPost('/sim/ws/drop')).json()) as { dropped: number };
    expect(dropped.dropped).toBeGreaterThanOrEqual(1);
    await reconnecting;
    await reconnected;
    const listed = (await kit.ari.channels.list!()) as { id: string; state: string }[];
    expect(listed.find((channel) => channel.id === 'survivor-1')).toMatchObject({ state: 'Ringing' });
    await kit.ari.channels.hangup!({ channelId: 'survivor-1' });
    await kit.log.waitFor('ChannelDestroyed', 'survivor-1');
  });

  it('gives an application to the newest socket, telling the older one with ApplicationReplaced', async () => {
    const older: AriClientLike = await connect(kit.sim.url, USER, PASSWORD);
    const newer: AriClientLike = await connect(kit.sim.url, USER, PASSWORD);
    const [olderLog, newerLog] = [new EventLog(), new EventLog()];
    older.on('*', (event) => olderLog.push(event));
    newer.on('*', (event) => newerLog.push(event));
    await older.start('contested');
    await newer.start('contested');
    await olderLog.wait((event) => event.type === 'ApplicationReplaced', 'ApplicationReplaced');
    await kit.ari.channels.create!({ endpoint: 'PJSIP/+15557770300@carrier', app: 'contested', channelId: 'contested-1' });
    await newerLog.waitFor('StasisStart', 'contested-1');
    expect(olderLog.of('contested-1')).toEqual([]);
    await kit.ari.channels.hangup!({ channelId: 'contested-1' });
    older.stop();
    newer.stop();
  });
});

describe('single-request originate', () => {
  it('enters Stasis only on answer (originate-local-answer-then-api-hangup)', async () => {
    await kit.ari.channels.originate!({ endpoint: 'PJSIP/+15557770200@carrier', app: kit.app, channelId: 'orig-1', callerId: '+15551234567' });
    await kit.log.waitFor('StasisStart', 'orig-1');
    await kit.ari.channels.hangup!({ channelId: 'orig-1', reason_code: '16' });
    await kit.log.waitFor('ChannelDestroyed', 'orig-1');
    expect(wordsOf(kit.log.of('orig-1'))).toEqual(traceWords('originate-local-answer-then-api-hangup', 'call-1795462292618'));
  });

  it('ends a failed dial without ever entering Stasis; the cause is the far end’s', async () => {
    await kit.ari.channels.originate!({ endpoint: 'PJSIP/+15550001300@carrier', app: kit.app, channelId: 'orig-busy' });
    expect(await kit.log.waitFor('ChannelDestroyed', 'orig-busy')).toMatchObject({ cause: 17 });
    // The trace's Local ;1 half reports cause 0 here; a PJSIP channel reports the real cause.
    expect(wordsOf(kit.log.of('orig-busy'))).toEqual(traceWords('originate-local-busy', 'call-1795462295454').slice(0, 2).concat('ChannelDestroyed:17'));
  });

  it('ends a dial past its timeout silently, cause 19 (originate-local-noanswer-timeout-3s)', async () => {
    await kit.ari.channels.originate!({ endpoint: 'PJSIP/+15550002201@carrier', app: kit.app, channelId: 'orig-timeout', timeout: 1 });
    await kit.log.waitFor('ChannelDestroyed', 'orig-timeout');
    expect(wordsOf(kit.log.of('orig-timeout'))).toEqual(traceWords('originate-local-noanswer-timeout-3s', 'call-1795462299988'));
  });

  it('refuses control before Stasis, and reports a cancel while ringing (originate-local-ringing-then-api-cancel)', async () => {
    await kit.ari.channels.originate!({ endpoint: 'PJSIP/+15550002200@carrier', app: kit.app, channelId: 'orig-cancel' });
    await kit.log.waitFor('Dial', 'orig-cancel', (event) => event.dialstatus === 'RINGING');
    await expect(kit.ari.channels.answer!({ channelId: 'orig-cancel' })).rejects.toThrow('Channel not in Stasis application');
    await kit.ari.channels.hangup!({ channelId: 'orig-cancel', reason_code: '16' });
    await kit.log.waitFor('ChannelDestroyed', 'orig-cancel');
    expect(wordsOf(kit.log.of('orig-cancel'))).toEqual(traceWords('originate-local-ringing-then-api-cancel', 'call-1795462304495'));
  });
});

describe('close()', () => {
  const count = (kind: string) => process.getActiveResourcesInfo().filter((resource) => resource === kind).length;

  it('leaves no timer, server or socket behind, whatever was going on', async () => {
    const before = { timers: count('Timeout'), servers: count('TCPServerWrap') };
    const sim = await startAriSimulator({ port: 0, delays: { ...TEST_DELAYS, ringMs: 5_000 } });
    const socket = new WebSocket(`${sim.url.replace('http', 'ws')}/ari/events?app=closing`);
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    expect((await rawRequest(`${sim.url}/ari/channels/create?endpoint=PJSIP/%2B15550002999@carrier&app=closing&channelId=c1`, 'POST')).status).toBe(200);
    expect((await rawRequest(`${sim.url}/ari/channels/c1/dial?timeout=60`, 'POST')).status).toBe(204);
    expect((await rawRequest(`${sim.url}/ari/channels/c1/play?media=sound:long&playbackId=p1`, 'POST')).status).toBe(201);
    expect((await rawRequest(`${sim.url}/ari/channels/c1/record?name=r1&format=wav&maxDurationSeconds=60`, 'POST')).status).toBe(201);
    expect(count('Timeout')).toBeGreaterThan(before.timers);

    await sim.close();
    await closed;
    await expect(rawRequest(`${sim.url}/ari/channels`, 'GET')).rejects.toThrow();
    expect(count('TCPServerWrap')).toBe(before.servers);
    expect(count('Timeout')).toBeLessThanOrEqual(before.timers);
  });
});
