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
  media = createAriMediaServer({ url: sim.url, username: 'u', password: 'p', app: 'adapter-test' }, createLogger('silent'));
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

  it('reports a new connection after the event stream drops and comes back', async () => {
    const before = events.filter((event) => event.type === 'connected').length;
    await fetch(`${sim.url}/sim/ws/drop`, { method: 'POST' });
    await until(() => events.filter((event) => event.type === 'connected').length > before, 'the reconnect');
  });
});
