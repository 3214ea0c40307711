import { createLogger } from '../../platform/logger';
import type { MediaEvent } from '../media-server';
import { startAriSimulator, type RunningSimulator } from '../simulator';
import { createAriMediaServer } from './ari-media-server';

/** The ARI adapter over real HTTP and WebSocket, against the simulator. */
let sim: RunningSimulator;
let media: ReturnType<typeof createAriMediaServer>;
const events: MediaEvent[] = [];

beforeAll(async () => {
  sim = await startAriSimulator({ port: 0, username: 'u', password: 'p', delays: { ringMs: 10, answerMs: 10, giveUpMs: 50, remoteHangupMs: 50 } });
  media = createAriMediaServer({ url: sim.url, username: 'u', password: 'p', app: 'adapter-test', requestTimeoutMs: 10_000 }, createLogger('silent'));
  media.onEvent((event) => events.push(event));
  await media.start();
});
afterAll(async () => {
  await media.stop();
  await sim.close();
});

async function until(predicate: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !predicate(); waited += 5) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const of = (channelId: string) => events.filter((event) => 'channelId' in event && event.channelId === channelId);
const originate = (channelId: string, target: string) =>
  media.originate({ channelId, endpoint: `PJSIP/${target}@carrier`, callerId: '+15551230000', timeoutSeconds: 30 });

describe('the ARI media server adapter', () => {
  it('reports a connection at start, so the product reconciles', () => {
    expect(events[0]).toEqual({ type: 'connected' });
  });

  it('originates with the given channel id and reports ringing and answer', async () => {
    await originate('9f0f9a36-0000-4000-8000-000000000001', '+15559876543');
    await until(() => of('9f0f9a36-0000-4000-8000-000000000001').some((event) => event.type === 'channel_answered'), 'the answer');
    expect(of('9f0f9a36-0000-4000-8000-000000000001').map((event) => event.type)).toEqual(['channel_entered', 'channel_ringing', 'channel_answered']);
    expect(await media.listChannels()).toContainEqual({ id: '9f0f9a36-0000-4000-8000-000000000001', state: 'up' });
    expect(await media.hangup('9f0f9a36-0000-4000-8000-000000000001', 16)).toBe('hung_up');
    await until(() => of('9f0f9a36-0000-4000-8000-000000000001').some((event) => event.type === 'channel_destroyed'), 'ChannelDestroyed');
  });

  it('ends a channel whose dial failed (busy) itself, with the busy cause', async () => {
    await originate('9f0f9a36-0000-4000-8000-000000000002', '+15550001002');
    await until(() => of('9f0f9a36-0000-4000-8000-000000000002').some((event) => event.type === 'channel_destroyed'), 'ChannelDestroyed');
    expect(of('9f0f9a36-0000-4000-8000-000000000002').at(-1)).toMatchObject({ type: 'channel_destroyed', cause: 17 });
  });

  it('treats a repeated originate of the same channel as done', async () => {
    await originate('9f0f9a36-0000-4000-8000-000000000003', '+15550002003');
    await expect(originate('9f0f9a36-0000-4000-8000-000000000003', '+15550002003')).resolves.toBeUndefined();
    expect((await media.listChannels()).filter((channel) => channel.id === '9f0f9a36-0000-4000-8000-000000000003')).toHaveLength(1);
    await media.hangup('9f0f9a36-0000-4000-8000-000000000003', 16);
  });

  it('answers not_found when hanging up a channel that is gone', async () => {
    expect(await media.hangup('9f0f9a36-0000-4000-8000-00000000dead', 16)).toBe('not_found');
  });

  const simPost = (path: string, body: unknown = {}) => fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const farEnd = async (channelId: string) => (await (await fetch(`${sim.url}/sim/channels/${channelId}`)).json()) as Record<string, unknown>;
  async function incoming(channelId: string): Promise<void> {
    expect((await simPost('/sim/calls', { source: { target: '+15551112222' }, destination: { target: '+15553334444' }, channel_id: channelId, app: 'adapter-test' })).status).toBe(201);
    await until(() => of(channelId).some((event) => event.type === 'channel_entered'), 'StasisStart');
  }

  it('ends an incoming channel the app hangs up with its cause, though Asterisk sends it no ChannelDestroyed unsubscribed', async () => {
    await incoming('1796163871.1');
    await media.answer('1796163871.1');
    expect(await media.hangup('1796163871.1', 21)).toBe('hung_up');
    await until(() => of('1796163871.1').some((event) => event.type === 'channel_destroyed'), 'the end of the incoming channel');
    expect(of('1796163871.1').at(-1)).toEqual({ type: 'channel_destroyed', channelId: '1796163871.1', cause: 21 });
  });

  it('ends an incoming channel whose SIP caller hangs up (BYE) with cause 0', async () => {
    await incoming('1796163877.2');
    await media.answer('1796163877.2');
    await simPost('/sim/channels/1796163877.2/hangup');
    await until(() => of('1796163877.2').some((event) => event.type === 'channel_destroyed'), 'the end of the incoming channel');
    expect(of('1796163877.2').filter((event) => event.type === 'channel_destroyed')).toEqual([{ type: 'channel_destroyed', channelId: '1796163877.2', cause: 0 }]);
  });

  it('dials an outgoing channel only once it is in the application, however late its StasisStart comes', async () => {
    await simPost('/sim/settings', { hold_stasis_start: true });
    try {
      await expect(originate('9f0f9a36-0000-4000-8000-000000000004', '+15559876544')).resolves.toBeUndefined();
      expect(await farEnd('9f0f9a36-0000-4000-8000-000000000004')).toMatchObject({ state: 'Down', dial_status: null });
    } finally {
      await simPost('/sim/settings', { hold_stasis_start: false });
    }
    expect((await simPost('/sim/channels/9f0f9a36-0000-4000-8000-000000000004/stasis-start')).status).toBe(204);
    await until(() => of('9f0f9a36-0000-4000-8000-000000000004').some((event) => event.type === 'channel_answered'), 'the answer');
    await media.hangup('9f0f9a36-0000-4000-8000-000000000004', 16);
  });

  it('offers the far end the caller number and name (the connected line a SIP INVITE is built from)', async () => {
    await media.originate({ channelId: '9f0f9a36-0000-4000-8000-000000000005', endpoint: 'PJSIP/+15559876545@carrier', callerId: '+15551230000', callerName: 'Front desk', timeoutSeconds: 30 });
    await until(() => of('9f0f9a36-0000-4000-8000-000000000005').some((event) => event.type === 'channel_ringing'), 'ringing');
    expect(await farEnd('9f0f9a36-0000-4000-8000-000000000005')).toMatchObject({ caller_id_offered: { number: '+15551230000', name: 'Front desk' } });
    await media.hangup('9f0f9a36-0000-4000-8000-000000000005', 16);
  });

  it('answers a DTMF send once its digits have played, so the next one is heard too', async () => {
    const id = '9f0f9a36-0000-4000-8000-000000000006';
    await originate(id, '+15559876546');
    await until(() => of(id).some((event) => event.type === 'channel_answered'), 'the answer');
    expect(await media.sendDtmf(id, { digits: '1234567890', durationMs: 100, intervalMs: 100 })).toBe('done');
    expect(await media.sendDtmf(id, { digits: '*#', durationMs: 100, intervalMs: 100 })).toBe('done');
    expect(await farEnd(id)).toMatchObject({ dtmf_received: [...'1234567890*#'], dtmf_dropped: [] });
    await media.hangup(id, 16);
  });

  it('reports a new connection after the event stream drops and comes back', async () => {
    const before = events.filter((event) => event.type === 'connected').length;
    await fetch(`${sim.url}/sim/ws/drop`, { method: 'POST' });
    await until(() => events.filter((event) => event.type === 'connected').length > before, 'the reconnect');
  });
});
