import { Client } from 'pg';
import { startApp, type RunningApp } from '../src/app';
import { MEDIA_SERVER_LOST_DETAIL } from '../src/domain/call-lifecycle';
import { startAriSimulator, type RunningSimulator } from '../src/telephony/simulator';
import { createCalls, waitForCall } from './support/flows';
import { captureLogs, type LogRecord } from './support/log-capture';
import { rest } from './support/rest';
import { simChannel, simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Several media servers (ARI_URL as a list): two simulators, the API with a worker and a second
 * worker process-alike (its own app on the same schema). Calls are spread by load and stay on
 * their server for every later command; incoming calls stay where they arrived; each server has
 * one event consumer; a server that goes away has its calls ended, the other's go on.
 */
jest.setTimeout(60_000);

const credentials = { username: 'opencall', password: 'opencall' };
const delays = { ringMs: 20, answerMs: 40, giveUpMs: 150, remoteHangupMs: 150 };
let east: RunningSimulator;
let west: RunningSimulator;
let t: TestApp;
let second: RunningApp;
const firstLogs = captureLogs();
const secondLogs = captureLogs();
let db: Client;

beforeAll(async () => {
  east = await startAriSimulator({ port: 0, host: '127.0.0.1', ...credentials, delays });
  west = await startAriSimulator({ port: 0, host: '127.0.0.1', ...credentials, delays });
  const env = { ARI_URL: `east=${east.url},west=http://opencall:opencall@${new URL(west.url).host}`, ARI_LOST_AFTER_MS: '1000', ARI_LEADER_POLL_MS: '200', LOG_LEVEL: 'debug' };
  t = await startTestApp(env, 'all', firstLogs.logger);
  second = await startApp({ ...t.config, workerPort: 0 }, 'worker', secondLogs.logger);
  db = new Client({ connectionString: t.config.databaseUrl });
  await db.connect();
  await db.query(`SET search_path TO "${t.config.databaseSchema}"`);
});
afterAll(async () => {
  await db?.end();
  await second?.stop();
  await t?.stop();
  await east?.close();
  await west?.close();
});

const SOURCE = { type: 'tel', target: '+15551234567' };
/** A call whose far end answers and stays up, whose flow waits for an hour. */
async function liveCall(target: string): Promise<string> {
  const [call] = await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target }], actions: [{ type: 'sleep', option: { duration: 3_600_000 } }] });
  const id = call!.id as string;
  await waitForCall(t, id, (c) => c.status === 'progressing', `call ${id} to be answered`);
  return id;
}
const mediaServerOf = async (id: string) => (await db.query<{ media_server: string | null }>('SELECT media_server FROM calls WHERE id = $1', [id])).rows[0]?.media_server;
const hungupEvents = async (id: string) => ((await rest(t, 'GET', `/calls/${id}/events`)).body.result as { type: string }[]).filter((event) => event.type === 'call_hungup');
const leaderRecords = (records: LogRecord[], server: string) => records.filter((record) => record.mediaServer === server && /now hears the ARI events/.test(record.msg));

const calls: { id: string; server: string }[] = [];

it('hears each media server through one event consumer', async () => {
  for (const server of ['east', 'west']) {
    await waitFor(async () => leaderRecords([...firstLogs.records, ...secondLogs.records], server).length, (count) => count >= 1, `a leader for ${server}`);
  }
  // Standbys have tried for the locks a few times by now; still one leader each.
  await new Promise((resolve) => setTimeout(resolve, 600));
  for (const server of ['east', 'west']) expect(leaderRecords([...firstLogs.records, ...secondLogs.records], server)).toHaveLength(1);
  expect([...firstLogs.records, ...secondLogs.records].filter((record) => /another connection took the ARI application/.test(record.msg))).toEqual([]);
});

it('places each call on the media server with the fewest live calls, and makes its channel there', async () => {
  for (let index = 0; index < 4; index++) {
    const id = await liveCall(`+1555999000${index}`);
    calls.push({ id, server: (await mediaServerOf(id)) as string });
  }
  expect(calls.map((call) => call.server)).toEqual(['east', 'west', 'east', 'west']);
  for (const call of calls) {
    const [here, there] = call.server === 'east' ? [east, west] : [west, east];
    expect((await simChannel(here.url, call.id))?.state).toBe('Up');
    expect(await simChannel(there.url, call.id)).toBeNull();
  }
});

it('sends every later command for a call to its media server', async () => {
  const onWest = calls.find((call) => call.server === 'west')!;
  expect((await rest(t, 'POST', `/calls/${onWest.id}/hold`)).status).toBe(200);
  expect((await simChannel(west.url, onWest.id))?.hold).toBe(true);
  const onEast = calls.find((call) => call.server === 'east')!;
  expect((await rest(t, 'POST', `/calls/${onEast.id}/mute`, { direction: 'both' })).status).toBe(200);
  expect((await simChannel(east.url, onEast.id))?.mute).toBe('both');
});

it('keeps an incoming call on the media server it arrived on', async () => {
  const flow = (await rest(t, 'POST', '/flows', { name: 'answer and wait', actions: [{ type: 'answer' }, { type: 'sleep', option: { duration: 3_600_000 } }] })).body;
  expect((await rest(t, 'POST', '/numbers', { number: '+15558881234', call_flow_id: flow.id })).status).toBe(200);
  // East holds more live calls than west would after this; the caller's server decides, not the load.
  const response = await simPost(east.url, '/sim/calls', { source: { type: 'tel', target: '+15557770001' }, destination: { type: 'tel', target: '+15558881234' } });
  const channelId = ((await response.json()) as { channel_id: string }).channel_id;
  await waitForCall(t, channelId, (c) => c.status === 'progressing', 'the incoming call to be answered by its flow');
  expect(await mediaServerOf(channelId)).toBe('east');
  expect((await simChannel(east.url, channelId))?.state).toBe('Up');
  calls.push({ id: channelId, server: 'east' });
});

it('tells apart two incoming channels of the same id on two media servers: each event and command stays with its own call', async () => {
  // Asterisk's own id of a channel its dialplan hands over: two servers may well hand over the same.
  const sameId = '1795462354.30';
  const incomingFrom = async (server: RunningSimulator, caller: string): Promise<string> => {
    const response = await simPost(server.url, '/sim/calls', { source: { type: 'tel', target: caller }, destination: { type: 'tel', target: '+15558881234' }, channel_id: sameId });
    expect(response.status).toBe(201);
    const row = await waitFor(
      async () => (await db.query<{ id: string }>("SELECT id::text FROM calls WHERE source->>'target' = $1", [caller])).rows[0],
      (found) => found !== undefined,
      `the call from ${caller}`,
    );
    return waitFor(async () => (await rest(t, 'GET', `/calls/${row!.id}`)).body, (c) => c.status === 'progressing', `the call from ${caller} answered by its flow`).then((c) => c.id as string);
  };
  const onEast = await incomingFrom(east, '+15557770011');
  const onWest = await incomingFrom(west, '+15557770012');
  expect(onWest).not.toBe(onEast);
  expect([await mediaServerOf(onEast), await mediaServerOf(onWest)]).toEqual(['east', 'west']);

  await simPost(west.url, `/sim/channels/${sameId}/hangup`);
  expect(await waitForCall(t, onWest, (c) => c.status === 'hangup', 'the west call to end with its channel')).toMatchObject({ hangup_by: 'remote' });
  expect((await rest(t, 'GET', `/calls/${onEast}`)).body.status).toBe('progressing');
  expect((await simChannel(east.url, sameId))?.state).toBe('Up');

  expect((await rest(t, 'POST', `/calls/${onEast}/hold`)).status).toBe(200);
  expect((await simChannel(east.url, sameId))?.hold).toBe(true);
  expect((await rest(t, 'POST', `/calls/${onEast}/hangup`)).status).toBe(200);
  await waitForCall(t, onEast, (c) => c.status === 'hangup', 'the east call to hang up');
  expect((await simChannel(east.url, sameId))?.state).toBe('Destroyed');
  expect(await hungupEvents(onEast)).toHaveLength(1);
  expect(await hungupEvents(onWest)).toHaveLength(1);
});

it('ends the calls of a media server that went away, local/failed with cause 38, while the others go on', async () => {
  await east.close();
  for (const call of calls.filter((c) => c.server === 'east')) {
    const ended = await waitForCall(t, call.id, (c) => c.status === 'hangup', `call ${call.id} on the lost server to end`, 20_000);
    expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'failed', hangup_detail: MEDIA_SERVER_LOST_DETAIL });
    expect((await db.query('SELECT hangup_cause FROM calls WHERE id = $1', [call.id])).rows[0]).toEqual({ hangup_cause: 38 });
    expect(await hungupEvents(call.id)).toHaveLength(1);
  }
  for (const call of calls.filter((c) => c.server === 'west')) {
    expect((await rest(t, 'GET', `/calls/${call.id}`)).body.status).toBe('progressing');
    expect((await simChannel(west.url, call.id))?.state).toBe('Up');
    expect((await rest(t, 'POST', `/calls/${call.id}/hangup`)).status).toBe(200);
    const ended = await waitForCall(t, call.id, (c) => c.status === 'hangup', `call ${call.id} on the remaining server to hang up`);
    expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
    expect((await simChannel(west.url, call.id))?.state).toBe('Destroyed');
    expect(await hungupEvents(call.id)).toHaveLength(1);
  }
});

it('places new calls only on the media servers still there', async () => {
  const id = await liveCall('+15559990010');
  expect(await mediaServerOf(id)).toBe('west');
  expect((await simChannel(west.url, id))?.state).toBe('Up');
  expect((await rest(t, 'POST', `/calls/${id}/hangup`)).status).toBe(200);
  await waitForCall(t, id, (c) => c.status === 'hangup', `call ${id} to hang up`);
});
