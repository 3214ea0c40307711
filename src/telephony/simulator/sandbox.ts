import { createAriStalls } from './ari-stalls';
import { createBridges } from './bridges';
import type { Channel } from './channel';
import { createChannelStore } from './channel-store';
import type { EventHub } from './event-hub';
import { createFarEnd, type SimulatorDelays } from './far-end';
import { createMediaControls } from './media-controls';
import { createPlaybacks, type PlaybackTarget } from './playbacks';
import { createRecordings, type RecordingTarget } from './recordings';
import type { RecordedVoice } from './recording-audio';
import { createSnoops } from './snoops';
import { createStasisStarts } from './stasis-starts';

/** A snoop spying one way hears that way; whispering-only snoops and plain channels hear both. */
const voiceOf = (spy: string | undefined): RecordedVoice => (spy === 'in' || spy === 'out' ? spy : 'both');

/**
 * The simulated Asterisk and the far ends behind its channels, wired together. The order matters:
 * it is the order in which a hanging-up channel is released (dial, media, bridge, snoops), which
 * is the order of the events Asterisk sends between ChannelHangupRequest and StasisEnd.
 */
export function createSandbox(hub: EventHub, delays: SimulatorDelays) {
  const channels = createChannelStore(hub);
  const farEnd = createFarEnd(channels, delays);
  const playbacks = createPlaybacks(hub);
  const recordings = createRecordings(hub);
  channels.onHangup((channel) => {
    playbacks.endAllOn(`channel:${channel.id}`);
    recordings.endAllOn(`channel:${channel.id}`);
  });
  const bridges = createBridges(channels, hub, (uri) => {
    playbacks.endAllOn(uri);
    recordings.endAllOn(uri);
  });
  const snoops = createSnoops(channels);
  const media = createMediaControls(channels);
  const stasisStarts = createStasisStarts(channels);
  const stalls = createAriStalls();

  /** A channel as something to play media to or record; a snoop's recordings are of its target too. */
  function channelTarget(channel: Channel): PlaybackTarget & RecordingTarget {
    const spied = channel.snoopOf ? channels.records.get(channel.snoopOf) : undefined;
    return {
      uri: `channel:${channel.id}`,
      apps: [channel.app],
      listeners: [channel.record],
      subjects: spied ? [channel.record, spied] : [channel.record],
      inBridge: bridges.bridgeIdOf(channel.id) !== undefined,
      voice: voiceOf(snoops.spyOf(channel.id)),
    };
  }

  return {
    channels,
    farEnd,
    media,
    playbacks,
    recordings,
    bridges,
    snoops,
    stasisStarts,
    stalls,
    channelTarget,
    closeAll(): void {
      channels.closeAll();
      farEnd.closeAll();
      playbacks.closeAll();
      recordings.closeAll();
      bridges.closeAll();
      snoops.closeAll();
      stasisStarts.closeAll();
      stalls.closeAll();
    },
  };
}

export type Sandbox = ReturnType<typeof createSandbox>;
