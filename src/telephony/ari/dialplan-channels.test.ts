import { loadTrace } from '../../../test/support/traces';
import type { AriEvent } from './ari-events';
import { createDialplanChannels } from './dialplan-channels';

/** Ending channels from the dialplan that bring no ChannelDestroyed, fed with recorded traces. */
async function endOf(traceName: string, options: { subscribed: boolean; appCause?: number }): Promise<(number | null)[]> {
  const tracker = createDialplanChannels();
  const ends: Promise<number | null>[] = [];
  for (const event of loadTrace(traceName).filter((item) => item.type) as unknown as AriEvent[]) {
    const id = event.channel?.id ?? '';
    if (event.type === 'StasisStart') tracker.subscribing(id, Promise.resolve(options.subscribed));
    if (event.type === 'ChannelHangupRequest' && event.soft && options.appCause !== undefined) tracker.hangingUp(id, options.appCause);
    if (event.type === 'ChannelHangupRequest') tracker.hangupRequested(event);
    if (event.type === 'StasisEnd' && event.channel) ends.push(tracker.stasisEnded(event.channel));
  }
  return Promise.all(ends);
}

describe('a channel from the dialplan without a subscription', () => {
  it('hung up by the app ends at StasisEnd with the cause the app gave (inbound-local-stasis-app-hangup-unsubscribed)', async () => {
    expect(await endOf('inbound-local-stasis-app-hangup-unsubscribed', { subscribed: false, appCause: 16 })).toEqual([16]);
  });

  it('whose SIP caller hangs up ends at StasisEnd with cause 0, as ChannelDestroyed would say (inbound-pjsip-ring-answer-remote-bye)', async () => {
    expect(await endOf('inbound-pjsip-ring-answer-remote-bye', { subscribed: false })).toEqual([0]);
  });

  it('once subscribed waits for ChannelDestroyed instead (inbound-pjsip-remote-hangup-subscribed)', async () => {
    expect(await endOf('inbound-pjsip-remote-hangup-subscribed', { subscribed: true })).toEqual([null]);
  });

  it('leaves the channels the product made (Stasis argument outgoing) to their own ChannelDestroyed', async () => {
    const made = { id: 'c1', state: 'Up', dialplan: { app_data: 'opencall,outgoing,dial_timeout=30' } };
    expect(await createDialplanChannels().stasisEnded(made)).toBeNull();
  });
});
