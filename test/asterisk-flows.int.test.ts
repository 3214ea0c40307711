import { readdir } from 'node:fs/promises';
import { createCalls, waitForActiveflow, waitForCall, waitForHangup } from './support/flows';
import { rest } from './support/rest';
import { startTestApp, type TestApp } from './support/test-app';
import { ASTERISK_ARI_URL, asteriskEnv } from './support/asterisk';

/**
 * Flows on a real Asterisk, run only when ASTERISK_ARI_URL points at one with the `sandbox`
 * dialplan (docker compose up asterisk) and ASTERISK_TTS_DIRECTORY is a directory this process
 * writes and that Asterisk reads as sounds/opencall-tts (the compose file's `tts` volume), with
 * espeak-ng and sox installed here.
 */
const ttsDirectory = process.env.ASTERISK_TTS_DIRECTORY;
const suite = ASTERISK_ARI_URL && ttsDirectory ? describe : describe.skip;

suite('flows against a real Asterisk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(asteriskEnv('opencall-flow-test', { TTS_DIRECTORY: ttsDirectory as string }));
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

  it('speaks to a live call through the same espeak-ng port: the request answers while it plays', async () => {
    const [call] = await createCalls(t, {
      source: { type: 'tel', target: '+15551234567' },
      destinations: [{ type: 'tel', target: '+15559876543' }],
      actions: [{ type: 'sleep', option: { duration: 30_000 } }],
    });
    await waitForCall(t, call!.id, (c) => c.status === 'progressing', 'the call to be answered', 30_000);
    const filesBefore = await readdir(ttsDirectory as string);
    const answer = await rest(t, 'POST', `/calls/${call!.id}/talk`, { text: `Talk on a live call ${process.pid}.`, language: 'en-US' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: call!.id, status: 'progressing' });
    expect((await readdir(ttsDirectory as string)).filter((name) => !filesBefore.includes(name))).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.wav$/)]);
    await rest(t, 'POST', `/calls/${call!.id}/hangup`);
    await waitForHangup(t, call!.id, 30_000);
  });
});
