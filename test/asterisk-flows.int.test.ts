import { createCalls, waitForActiveflow, waitForHangup } from './support/flows';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Flows on a real Asterisk, run only when ASTERISK_ARI_URL points at one with the `sandbox`
 * dialplan (docker compose up asterisk) and ASTERISK_TTS_DIRECTORY is a directory this process
 * writes and that Asterisk reads as sounds/opencall-tts (the compose file's `tts` volume), with
 * espeak-ng and sox installed here.
 */
const ariUrl = process.env.ASTERISK_ARI_URL;
const ttsDirectory = process.env.ASTERISK_TTS_DIRECTORY;
const suite = ariUrl && ttsDirectory ? describe : describe.skip;

suite('flows against a real Asterisk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      ARI_URL: ariUrl as string,
      ARI_USERNAME: process.env.ASTERISK_ARI_USERNAME ?? 'opencall',
      ARI_PASSWORD: process.env.ASTERISK_ARI_PASSWORD ?? 'opencall',
      ARI_APP: `opencall-flow-test-${process.pid}`,
      ARI_ENDPOINT_TEL: 'Local/{target}@sandbox',
      TTS_DIRECTORY: ttsDirectory as string,
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('speaks with espeak-ng, sends DTMF, records a media file it cannot fetch as failed, and ends the call', async () => {
    const [call] = await createCalls(t, {
      source: { type: 'tel', target: '+15551234567' },
      destinations: [{ type: 'tel', target: '+15559876543' }],
      actions: [
        { type: 'talk', option: { text: 'Hello from the flow.', language: 'en-US' } },
        { type: 'digits_send', option: { digits: '12', duration: 100, interval: 100 } },
        { type: 'play', option: { stream_urls: ['http://media.invalid/missing.wav'] } },
      ],
    });
    expect(await waitForHangup(t, call!.id, 60_000)).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
    const flow = await waitForActiveflow(t, call!.id, (f) => f.status === 'ended', 'the flow to end', 30_000);
    expect(flow.executed_actions.map((action: { type: string; error?: string }) => [action.type, Boolean(action.error)])).toEqual([
      ['talk', false],
      ['digits_send', false],
      ['play', true],
    ]);
  });
});
