import { connect } from 'ari-client';
import { startKit, traceEvents, traceWords, wordsOf, type Kit } from './simulator-test-kit';

/** What the app does to the media of answered calls, and bridges, recordings and snoops. */
let kit: Kit;
beforeAll(async () => {
  kit = await startKit(connect);
});
afterAll(() => kit.close());

async function answeredCall(channelId: string, number = '+15557770100'): Promise<void> {
  await kit.ari.channels.create!({ endpoint: `PJSIP/${number}@carrier`, app: kit.app, channelId });
  await kit.ari.channels.dial!({ channelId });
  await kit.log.waitFor('Dial', channelId, (event) => event.dialstatus === 'ANSWER');
}

const record = (channelId: string) => kit.simGet(`/sim/channels/${channelId}`);

/**
 * Bridge peer changes with channel names made anonymous; the trace's include Asterisk's Recorder
 * channel joining and leaving the bridge, which the simulator has no need of.
 */
const bridgeWords = (words: string[]) =>
  words
    .filter((word) => !word.includes('Recorder/'))
    .map((word) => word.replace(/^ChannelVarset:BRIDGEPEER=.+$/, 'ChannelVarset:BRIDGEPEER=<peer>'))
    .filter((word, index, all) => !(word.startsWith('ChannelVarset:BRIDGEPEER=') && word === all[index - 1]));

describe('media controls on an answered call', () => {
  it('change only what the far end hears: no events, as in media-controls-hold-moh-mute-dtmf-ring', async () => {
    await answeredCall('media-1');
    const channels = kit.ari.channels;
    await channels.hold!({ channelId: 'media-1' });
    expect(await record('media-1')).toMatchObject({ hold: true });
    await channels.unhold!({ channelId: 'media-1' });
    await channels.startMoh!({ channelId: 'media-1', mohClass: 'jazz' });
    expect(await record('media-1')).toMatchObject({ hold: false, moh: { active: true, class: 'jazz' } });
    await channels.stopMoh!({ channelId: 'media-1' });
    await channels.mute!({ channelId: 'media-1', direction: 'in' });
    await channels.mute!({ channelId: 'media-1', direction: 'out' });
    expect(await record('media-1')).toMatchObject({ moh: { active: false, class: null }, mute: 'both' });
    await channels.unmute!({ channelId: 'media-1', direction: 'in' });
    expect(await record('media-1')).toMatchObject({ mute: 'out' });
    await channels.unmute!({ channelId: 'media-1' });
    await channels.startSilence!({ channelId: 'media-1' });
    expect(await record('media-1')).toMatchObject({ mute: 'none', silence: true });
    await channels.stopSilence!({ channelId: 'media-1' });
    await channels.sendDTMF!({ channelId: 'media-1', dtmf: '12#' });
    // Answered before any tone; a hangup meanwhile waits for the digits (dtmf-send-timing-hangup-100ms).
    expect(await record('media-1')).toMatchObject({ silence: false, dtmf_received: [], dtmf_sent: [] });
    await channels.hangup!({ channelId: 'media-1' });
    await kit.log.waitFor('ChannelDestroyed', 'media-1');
    expect(await record('media-1')).toMatchObject({ dtmf_received: ['1', '2', '#'], dtmf_heard: [{ digit: '1', duration_ms: 100 }, { digit: '2' }, { digit: '#' }] });

    const ours = wordsOf(kit.log.of('media-1'));
    const real = traceWords('media-controls-hold-moh-mute-dtmf-ring', 'call-1795462323918');
    expect(ours.slice(ours.indexOf('Dial:ANSWER') + 1)).toEqual(real.slice(real.indexOf('StasisStart(Up)') + 1));
  });

  it('refuses a channel that is not in Stasis and a bad mute direction', async () => {
    await expect(kit.ari.channels.hold!({ channelId: 'nobody' })).rejects.toThrow('Channel not found');
    await answeredCall('media-2');
    await expect(kit.ari.channels.mute!({ channelId: 'media-2', direction: 'sideways' })).rejects.toThrow('Invalid direction');
    await expect(kit.ari.channels.sendDTMF!({ channelId: 'media-2' })).rejects.toThrow('DTMF is required');
    await kit.ari.channels.hangup!({ channelId: 'media-2' });
  });
});

describe('playbacks', () => {
  it('play for a while and finish, or stop early when deleted', async () => {
    await answeredCall('play-1');
    const playback = (await kit.ari.channels.play!({ channelId: 'play-1', media: 'sound:hello-world', playbackId: 'pb-1' })) as { id: string; state: string };
    expect(playback).toMatchObject({ id: 'pb-1', state: 'queued' });
    await kit.log.wait((event) => event.type === 'PlaybackStarted' && event.playback?.id === 'pb-1', 'PlaybackStarted');
    expect(await kit.ari.playbacks.get!({ playbackId: 'pb-1' })).toMatchObject({ state: 'playing', target_uri: 'channel:play-1' });
    await kit.ari.playbacks.stop!({ playbackId: 'pb-1' });
    const finished = await kit.log.wait((event) => event.type === 'PlaybackFinished' && event.playback?.id === 'pb-1', 'PlaybackFinished');
    const real = traceEvents('create-dial-pjsip-answer-play-hangup').find((event) => event.type === 'PlaybackFinished')!;
    expect(Object.keys(finished.playback!).sort()).toEqual(Object.keys(real.playback!).sort());
    expect(finished.playback).toMatchObject({ state: 'done', media_uri: 'sound:hello-world' });
    await expect(kit.ari.playbacks.get!({ playbackId: 'pb-1' })).rejects.toThrow('Playback not found');

    await kit.ari.channels.play!({ channelId: 'play-1', media: 'recording:greeting', playbackId: 'pb-2' });
    await kit.log.wait((event) => event.type === 'PlaybackFinished' && event.playback?.id === 'pb-2', 'the second PlaybackFinished');
    expect((await record('play-1')).played).toEqual([
      expect.objectContaining({ media: 'sound:hello-world', playback_id: 'pb-1', stopped: true, finished_at: expect.any(String) }),
      expect.objectContaining({ media: 'recording:greeting', playback_id: 'pb-2', stopped: false, finished_at: expect.any(String) }),
    ]);
    await kit.ari.channels.hangup!({ channelId: 'play-1' });
  });

  it('end when the channel hangs up', async () => {
    await answeredCall('play-2');
    await kit.ari.channels.play!({ channelId: 'play-2', media: 'https://example.com/long.wav', playbackId: 'pb-3' });
    await kit.ari.channels.hangup!({ channelId: 'play-2' });
    await kit.log.waitFor('ChannelDestroyed', 'play-2');
    expect(kit.log.events.some((event) => event.type === 'PlaybackFinished' && event.playback?.id === 'pb-3')).toBe(true);
  });
});

describe('two calls in a bridge, recorded, with a snoop (bridge-two-calls-record-snoop)', () => {
  it('bridges, records the bridge and a snoop, and tears down with the events of a real Asterisk', async () => {
    await answeredCall('a-1', '+15559990002');
    await answeredCall('b-1', '+15559990003');
    await kit.ari.bridges.create!({ type: 'mixing', bridgeId: 'bridge-1', name: 'call-bridge' });
    await kit.ari.bridges.addChannel!({ bridgeId: 'bridge-1', channel: 'a-1,b-1' });
    const entered = await kit.log.waitFor('ChannelEnteredBridge', 'b-1');
    const realBridge = traceEvents('bridge-two-calls-record-snoop').find((event) => event.type === 'ChannelEnteredBridge')!.bridge!;
    expect(Object.keys(entered.bridge!).sort()).toEqual(Object.keys(realBridge).sort());
    expect(entered.bridge).toMatchObject({ id: 'bridge-1', bridge_type: 'mixing', technology: 'simple_bridge', channels: ['a-1', 'b-1'], name: 'call-bridge' });
    expect(await record('a-1')).toMatchObject({ bridge_id: 'bridge-1', bridged_with: ['b-1'] });
    const peerOfA = await kit.log.waitFor('ChannelVarset', 'a-1', (event) => event.variable === 'BRIDGEPEER');
    expect(peerOfA.value).toBe(entered.channel!.name);

    await kit.ari.bridges.record!({ bridgeId: 'bridge-1', name: 'rec-bridge-1', format: 'wav' });
    const started = await kit.log.wait((event) => event.type === 'RecordingStarted' && event.recording?.name === 'rec-bridge-1', 'RecordingStarted');
    expect(started.recording).toEqual({ name: 'rec-bridge-1', format: 'wav', state: 'recording', target_uri: 'bridge:bridge-1' });

    const snoop = (await kit.ari.channels.snoopChannel!({ channelId: 'a-1', spy: 'in', app: kit.app, appArgs: 'snoop', snoopId: 'snoop-1' })) as { name: string };
    expect(snoop.name).toMatch(/^Snoop\/a-1-[0-9a-f]{8}$/);
    expect(await kit.log.waitFor('StasisStart', 'snoop-1')).toMatchObject({ args: ['snoop'], channel: { state: 'Up' } });
    await kit.ari.channels.record!({ channelId: 'snoop-1', name: 'rec-snoop-1', format: 'wav' });
    await kit.log.waitFor('RecordingStarted', 'snoop-1');

    await kit.ari.recordings.stop!({ recordingName: 'rec-bridge-1' });
    const finished = await kit.log.wait((event) => event.type === 'RecordingFinished' && event.recording?.name === 'rec-bridge-1', 'RecordingFinished');
    expect(finished.recording).toMatchObject({ state: 'done', target_uri: 'bridge:bridge-1', duration: expect.any(Number) });
    await kit.ari.channels.hangup!({ channelId: 'snoop-1' });
    await kit.log.waitFor('StasisEnd', 'snoop-1');
    await kit.ari.channels.hangup!({ channelId: 'a-1' });
    await kit.log.waitFor('ChannelDestroyed', 'a-1');
    await kit.ari.channels.hangup!({ channelId: 'b-1' });
    await kit.ari.bridges.destroy!({ bridgeId: 'bridge-1' });
    await kit.log.wait((event) => event.type === 'BridgeDestroyed' && event.bridge?.id === 'bridge-1', 'BridgeDestroyed');

    const trace = 'bridge-two-calls-record-snoop';
    expect(wordsOf(kit.log.of('snoop-1'))).toEqual(traceWords(trace, 'snoop-1795462329607'));
    for (const [ours, real] of [['a-1', 'a-1795462329080'], ['b-1', 'b-1795462329080']] as const) {
      const mine = bridgeWords(wordsOf(kit.log.of(ours)));
      const theirs = bridgeWords(traceWords(trace, real));
      expect(mine.slice(mine.indexOf('ChannelEnteredBridge'))).toEqual(theirs.slice(theirs.indexOf('ChannelEnteredBridge')));
    }
    const stored = (await kit.ari.recordings.listStored!()) as { name: string; format: string }[];
    expect(stored.map(({ name, format }) => ({ name, format }))).toEqual([
      { name: 'rec-bridge-1', format: 'wav' },
      { name: 'rec-snoop-1', format: 'wav' },
    ]);
    expect(await record('a-1')).toMatchObject({ recordings: ['rec-bridge-1', 'rec-snoop-1'], bridge_id: 'bridge-1' });
    await expect(kit.ari.bridges.get!({ bridgeId: 'bridge-1' })).rejects.toThrow('Bridge not found');
  });

  it('fails to record a channel that is in a bridge: record the bridge instead', async () => {
    await answeredCall('c-1');
    await kit.ari.bridges.create!({ bridgeId: 'bridge-2' });
    await kit.ari.bridges.addChannel!({ bridgeId: 'bridge-2', channel: 'c-1' });
    await kit.ari.channels.record!({ channelId: 'c-1', name: 'rec-c-1', format: 'wav' });
    expect(await kit.log.waitFor('RecordingFailed', 'c-1')).toMatchObject({ recording: { state: 'failed', name: 'rec-c-1' } });
    await kit.ari.bridges.removeChannel!({ bridgeId: 'bridge-2', channel: 'c-1' });
    await kit.log.waitFor('ChannelLeftBridge', 'c-1');
    expect(await record('c-1')).toMatchObject({ bridge_id: null, bridged_with: [] });
    await expect(kit.ari.bridges.removeChannel!({ bridgeId: 'bridge-2', channel: 'c-1' })).rejects.toThrow('Channel not in this bridge');
    await expect(kit.ari.bridges.addChannel!({ bridgeId: 'bridge-2', channel: 'nobody' })).rejects.toThrow('Channel not found');
    await kit.ari.channels.hangup!({ channelId: 'c-1' });
    await kit.ari.bridges.destroy!({ bridgeId: 'bridge-2' });
  });
});
