import { createLogger } from '../../platform/logger';
import type { MediaEvent } from '../media-server';
import { startAriSimulator, type RunningSimulator } from '../simulator';
import { createAriMediaServer } from './ari-media-server';

/**
 * The media control verbs over real ARI against the simulator, in the order of the trace
 * media-controls-hold-moh-mute-dtmf-ring: each changes what the far end experiences, and (as on
 * Asterisk) none brings the application an event.
 */
let sim: RunningSimulator;
let media: ReturnType<typeof createAriMediaServer>;
const events: MediaEvent[] = [];
const CHANNEL = '7c1f0e00-0000-4000-8000-00000000000a';

beforeAll(async () => {
  sim = await startAriSimulator({ port: 0, username: 'u', password: 'p', delays: { ringMs: 10, answerMs: 10, giveUpMs: 50, remoteHangupMs: 50 } });
  media = createAriMediaServer({ url: sim.url, username: 'u', password: 'p', app: 'media-verbs-test', requestTimeoutMs: 10_000 }, createLogger('silent'));
  media.onEvent((event) => events.push(event));
  await media.start();
});
afterAll(async () => {
  await media.stop();
  await sim.close();
});

const farEnd = async () => (await (await fetch(`${sim.url}/sim/channels/${CHANNEL}`)).json()) as Record<string, unknown>;
const eventsOfChannel = () => events.filter((event) => 'channelId' in event && event.channelId === CHANNEL).map((event) => event.type);

async function until(predicate: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !predicate(); waited += 5) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('media control verbs', () => {
  it('carry out the trace’s requests, each seen only by the far end', async () => {
    await media.originate({ channelId: CHANNEL, endpoint: 'PJSIP/+15559990001@carrier', callerId: '+15551234567', timeoutSeconds: 30 });
    await until(() => eventsOfChannel().includes('channel_answered'), 'the answer');
    const before = eventsOfChannel();

    expect(await media.hold(CHANNEL, true)).toBe('done');
    expect(await farEnd()).toMatchObject({ hold: true });
    expect(await media.hold(CHANNEL, false)).toBe('done');
    expect(await farEnd()).toMatchObject({ hold: false });
    expect(await media.musicOnHold(CHANNEL, true)).toBe('done');
    expect(await farEnd()).toMatchObject({ moh: { active: true, class: 'default' } });
    expect(await media.musicOnHold(CHANNEL, false)).toBe('done');
    expect(await farEnd()).toMatchObject({ moh: { active: false } });
    expect(await media.mute(CHANNEL, 'in', true)).toBe('done');
    expect(await farEnd()).toMatchObject({ mute: 'in' });
    expect(await media.mute(CHANNEL, 'in', false)).toBe('done');
    expect(await farEnd()).toMatchObject({ mute: 'none' });
    expect(await media.silence(CHANNEL, true)).toBe('done');
    expect(await farEnd()).toMatchObject({ silence: true });
    expect(await media.silence(CHANNEL, false)).toBe('done');
    expect(await farEnd()).toMatchObject({ silence: false });
    expect(await media.sendDtmf(CHANNEL, { digits: '12#', durationMs: 250, intervalMs: 100 })).toBe('done');
    expect(await farEnd()).toMatchObject({ dtmf_received: ['1', '2', '#'] });

    expect(eventsOfChannel()).toEqual(before);

    // Speech is played to the far end; PlaybackFinished tells its end.
    expect(await media.playSpeech(CHANNEL, 'talk-1', 'tts:Hello%20there', 'en-US')).toBe('done');
    expect(await farEnd()).toMatchObject({ played: [expect.objectContaining({ playback_id: 'talk-1', text: 'Hello there' })] });
    await until(() => events.some((event) => event.type === 'playback_finished' && event.playbackId === 'talk-1'), 'PlaybackFinished');
    await media.hangup(CHANNEL, 16);
    await until(() => eventsOfChannel().includes('channel_destroyed'), 'ChannelDestroyed');
  });

  it('answer not_found for a channel that is gone', async () => {
    expect(await media.hold(CHANNEL, true)).toBe('not_found');
    expect(await media.sendDtmf('7c1f0e00-0000-4000-8000-0000000000ff', { digits: '1', durationMs: 250, intervalMs: 100 })).toBe('not_found');
    expect(await media.playSpeech(CHANNEL, 'talk-gone', 'tts:hello', 'en-US')).toBe('not_found');
  });
});
