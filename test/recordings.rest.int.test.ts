import WebSocket from 'ws';
import { decodeWav, wavInfo } from '../src/audio/wav';
import { decodeAudio } from './support/decode-audio';
import { download, dominantHz, recordedMs, recordingKit, ZERO } from './support/recording-kit';
import type { Json } from './support/rest-client';
import { waitFor } from './support/wait';

/** Recording calls through REST: the files (formats, channels, length), their URLs, the events. */
const { app, rest, record } = recordingKit();

describe('recording a call through the API', () => {
  it('records WAV, mixed: a file of one channel and of the recorded length, downloaded through its signed URL', async () => {
    const { call, recording } = await record({ format: 'wav', direction: 'both', channels: 'mixed' });
    expect(recording).toMatchObject({ format: 'wav', direction: 'both', channels: 'mixed', customer_id: app().app.bootstrap!.customerId });
    const file = await download(recording.url);
    expect(file.status).toBe(200);
    expect(file.type).toBe('audio/wav');
    const info = wavInfo(file.body);
    expect(info.channelCount).toBe(1);
    expect(info.bitsPerSample).toBe(16);
    expect(Math.abs(info.durationMs - recordedMs(recording))).toBeLessThanOrEqual(recordedMs(recording) * 0.1);
    // duration is the recording's real length (the file's), not the limit asked for (max_duration).
    expect(recording.duration).toBeCloseTo(info.durationMs / 1000, 1);
    expect(recording.duration).toBeGreaterThan(1);
    expect(recording.max_duration).toBe(0);

    const after = (await rest('GET', `/calls/${call.id}`)).body;
    expect(after.recording_id).toBe(ZERO);
    expect(after.recording_ids).toEqual([recording.id]);
    // call_updated when the recording became the active one, and when it stopped being it.
    const history = (await rest('GET', `/calls/${call.id}/events`)).body.result as Json[];
    const updates = history.filter((event) => event.type === 'call_updated').map((event) => [event.data.recording_id, event.data.recording_ids]);
    expect(updates).toEqual([[recording.id, [recording.id]], [ZERO, [recording.id]]]);
  });

  it('records stereo as two channels: what the far end says on the left, what it hears on the right', async () => {
    const { recording } = await record({ format: 'wav', direction: 'both', channels: 'stereo' });
    const file = (await download(recording.url)).body;
    const info = wavInfo(file);
    expect(info.channelCount).toBe(2);
    expect(Math.abs(info.durationMs - recordedMs(recording))).toBeLessThanOrEqual(recordedMs(recording) * 0.1);
    // The simulator's far end speaks a 440 Hz tone and hears a 660 Hz one (its snoops spy in and out).
    const [left, right] = decodeWav(file).channels as [Int16Array, Int16Array];
    expect(Math.round(dominantHz(left) / 10) * 10).toBe(440);
    expect(Math.round(dominantHz(right) / 10) * 10).toBe(660);
  });

  it('records one direction only: `in` is the far end alone', async () => {
    const { recording } = await record({ direction: 'in' });
    const audio = decodeWav((await download(recording.url)).body);
    expect(audio.channels).toHaveLength(1);
    expect(Math.round(dominantHz(audio.channels[0]!) / 10) * 10).toBe(440);
  });

  it.each([
    ['mp3', 'mixed', 1],
    ['mp3', 'stereo', 2],
    ['ogg', 'mixed', 1],
    ['ogg', 'stereo', 2],
  ] as const)('converts to %s (%s): a real decoder reads the channels and the recorded length', async (format, channels, count) => {
    // MP3 carries ~0.15 s of encoder delay and padding (no gapless header): record long enough.
    const { recording } = await record({ format, channels }, format === 'mp3' ? 2.5 : 1.2);
    const file = await download(recording.url);
    expect(file.type).toBe(format === 'mp3' ? 'audio/mpeg' : 'audio/ogg');
    const decoded = await decodeAudio(format, file.body);
    expect(decoded.errors).toBe(0);
    expect(decoded.channels).toBe(count);
    expect(Math.abs(decoded.durationMs - recordedMs(recording))).toBeLessThanOrEqual(recordedMs(recording) * 0.1);
  });
});

describe('download URLs', () => {
  it('answers 403 for an expired URL and for a tampered one, and the file for a fresh one', async () => {
    const { recording } = await record({});
    const stored = await app().app.services.recordings.get(app().app.bootstrap!.customerId, recording.id);
    const expired = app().app.services.recordings.downloadUrl(stored, app().baseUrl, new Date(Date.now() - 2 * 3600 * 1000));
    expect((await download(expired!)).status).toBe(403);

    const url = new URL(recording.url as string);
    const tamperedSignature = new URL(url);
    const signature = url.searchParams.get('signature')!;
    tamperedSignature.searchParams.set('signature', `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`);
    expect((await download(tamperedSignature.toString())).status).toBe(403);
    const extended = new URL(url);
    extended.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    expect((await download(extended.toString())).status).toBe(403);
    const unsigned = new URL(url);
    unsigned.search = '';
    expect((await download(unsigned.toString())).status).toBe(403);

    expect((await download(url.toString())).status).toBe(200);
  });

  it('signs URLs for an hour', async () => {
    const { recording } = await record({});
    const expires = Number(new URL(recording.url as string).searchParams.get('expires'));
    const hourFromNow = Date.now() / 1000 + 3600;
    expect(Math.abs(expires - hourFromNow)).toBeLessThan(60);
  });

  it('redirects GET /v1.0/recordingfiles/{id} to a freshly signed URL that serves the file', async () => {
    const { recording } = await record({});
    const answer = await rest('GET', `/recordingfiles/${recording.id}`);
    expect(answer.status).toBe(307); // VoIPBIN's document: 307, so the client repeats a GET
    const location = answer.headers.get('location')!;
    expect(location).toContain(`/v1.0/recordingfiles/${recording.id}/download?`);
    const file = await download(location);
    expect(file.status).toBe(200);
    expect(wavInfo(file.body).channelCount).toBe(1);
    expect((await rest('GET', `/recordingfiles/${recording.id}`, { token: null })).status).toBe(401);
  });
});

describe('recording events', () => {
  it('recording_started, then recording_finished only once the file is stored, with its URL', async () => {
    const customerId = app().app.bootstrap!.customerId;
    const ws = new WebSocket(`${app().baseUrl.replace('http', 'ws')}/v1.0/ws?token=${app().accessKey}`);
    const messages: Json[] = [];
    ws.on('message', (raw) => messages.push(JSON.parse(raw.toString()) as Json));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ type: 'subscribe', topics: [`customer_id:${customerId}:recording:*`] }));
    await waitFor(async () => messages, (list) => list.some((m) => m.type === 'subscribed'), 'the subscription');

    const { recording } = await record({ channels: 'stereo' });
    const events = await waitFor(
      async () => messages.filter((m) => m.topic === `customer_id:${customerId}:recording:${recording.id}`),
      (list) => list.some((m) => m.type === 'recording_finished'),
      'recording_finished',
    );
    expect(events.map((m) => m.type)).toEqual(['recording_started', 'recording_finished']);
    expect(events[0]!.data).toMatchObject({ id: recording.id, status: 'recording', url: '' });
    const finished = events[1]!.data as Json;
    expect(finished).toMatchObject({ id: recording.id, status: 'ended', filename: `${recording.id}.wav` });
    const file = await download(`${app().baseUrl}${finished.url}`);
    expect(file.status).toBe(200);
    expect(wavInfo(file.body).channelCount).toBe(2);
    ws.close();
  });
});
