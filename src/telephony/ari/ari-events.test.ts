import { loadTrace } from '../../../test/support/traces';
import type { AriEvent } from './ari-events';
import { translateAriEvent } from './ari-events';

/** The router from ARI events to port events, fed with sequences recorded from Asterisk 22. */
function translate(traceName: string) {
  const events = loadTrace(traceName).filter((item) => item.type) as unknown as AriEvent[];
  return events.map(translateAriEvent).filter((translation) => translation !== null);
}

describe('translating recorded Asterisk events', () => {
  it('create + dial to a SIP peer that answers: entered, ringing, answered, played, hung up, destroyed 16', () => {
    const out = translate('create-dial-pjsip-answer-play-hangup').map((t) => t.event?.type);
    expect(out).toEqual(['channel_entered', 'channel_ringing', 'channel_answered', 'playback_finished', 'channel_hangup_requested', 'channel_destroyed']);
    const finished = translate('create-dial-pjsip-answer-play-hangup').find((t) => t.event?.type === 'playback_finished')?.event;
    expect(finished).toMatchObject({ channelId: 'call-1795462311225', playbackId: expect.any(String), failed: false });
    expect(translate('create-dial-pjsip-answer-play-hangup').at(-1)?.event).toMatchObject({ cause: 16 });
  });

  it('a busy far end: the failed Dial asks to end the channel with 17, then destroyed with 17', () => {
    const out = translate('create-dial-local-busy');
    expect(out.find((t) => t.hangup)?.hangup).toEqual({ channelId: 'call-1795462313057', cause: 17 });
    expect(out.some((t) => t.event?.type === 'channel_ringing')).toBe(false);
    expect(out.at(-1)?.event).toEqual({ type: 'channel_destroyed', channelId: 'call-1795462313057', cause: 17 });
  });

  it('a dial that times out in Asterisk: ringing, then destroyed with 19', () => {
    const out = translate('create-dial-local-dial-timeout-3s').map((t) => t.event);
    expect(out.map((event) => event?.type)).toEqual(['channel_entered', 'channel_ringing', 'channel_hangup_requested', 'channel_destroyed']);
    expect(out.at(-1)).toMatchObject({ cause: 19 });
  });

  it('an incoming SIP call: entered ringing with caller and called number, answered', () => {
    const out = translate('inbound-pjsip-ring-answer-remote-bye').map((t) => t.event);
    const entered = out.find((event) => event?.type === 'channel_entered');
    expect(entered).toMatchObject({ state: 'ring', args: ['inbound'] });
    expect(out.map((event) => event?.type)).toContain('channel_answered');
  });

  it('DTMF from the far end: one event per digit, in order', () => {
    const digits = translate('originate-local-dtmf-received')
      .map((t) => t.event)
      .filter((event) => event?.type === 'dtmf_received')
      .map((event) => (event as { digit: string }).digit);
    expect(digits).toEqual(['1', '2', '#']);
  });

  it('reads the cause from ChannelDestroyed, never from the soft ChannelHangupRequest flag 32', () => {
    const causes = translate('originate-local-answer-then-api-hangup')
      .map((t) => t.event)
      .filter((event) => event?.type === 'channel_destroyed')
      .map((event) => (event as { cause: number }).cause);
    expect(causes).not.toContain(32);
    expect(causes.length).toBeGreaterThan(0);
  });

  it('a playback Asterisk could not play finishes with state failed', () => {
    const playback = { id: 'p1', target_uri: 'channel:c1', state: 'failed' };
    expect(translateAriEvent({ type: 'PlaybackFinished', playback })?.event).toEqual({ type: 'playback_finished', channelId: 'c1', playbackId: 'p1', failed: true });
    expect(translateAriEvent({ type: 'PlaybackFinished', playback: { ...playback, target_uri: 'bridge:b1', state: 'done' } })?.event).toMatchObject({ channelId: '', failed: false });
  });

  it('recordings of a bridge and a snoop: started and finished by name, at the event time', () => {
    const out = translate('bridge-two-calls-record-snoop').map((t) => t.event).filter((event) => event?.type.startsWith('recording_'));
    expect(out.map((event) => event && 'recordingName' in event && [event.type, event.recordingName])).toEqual([
      ['recording_started', 'rec-bridge-1795462329080'],
      ['recording_started', 'rec-snoop-1795462329607'],
      ['recording_finished', 'rec-bridge-1795462329080'],
      ['recording_finished', 'rec-snoop-1795462329607'],
    ]);
    expect(out.every((event) => event && 'at' in event && event.at instanceof Date)).toBe(true);
  });
});
