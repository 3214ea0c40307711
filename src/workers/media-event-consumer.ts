import type { Queue } from 'bullmq';
import { CHAINED_HANGUP_REASON } from '../domain/call-chain';
import type { Call } from '../domain/call';
import { Q850 } from '../domain/hangup';
import { reconcileSignal } from '../domain/reconcile';
import { reactionJobId } from '../domain/reactions';
import type { Logger } from '../platform/logger';
import type { CallLookups } from '../services/call-service';
import type { CallService } from '../services/call-service';
import type { FlowExecutor } from './flow-executor';
import { OUTGOING_CHANNEL_ARG, type MediaEvent, type MediaServer } from '../telephony/media-server';
import { SNOOP_CHANNEL_ARG } from '../telephony/recording-port';

export interface MediaEventConsumerDeps {
  media: MediaServer;
  calls: CallLookups;
  callService: CallService;
  telephonyQueue: Queue;
  /** Where a failed-over call's next attempt waits to be dialled (the failover-dial reaction). */
  reactionQueue?: Queue;
  logger: Logger;
  /** Where key presses and finished playbacks go: the flow executor. */
  flows?: Pick<FlowExecutor, 'digitPressed' | 'playbackFinished' | 'hangingUp'>;
  /** Told when a call that has had recordings ends (it stops those still going). */
  recordings?: { onCallEnded(callId: string): Promise<void> };
  /**
   * The media server this consumer hears, when the deployment has several: reconciliation looks
   * at its calls only, incoming calls are placed on it. `first`: it holds the calls placed nowhere.
   */
  server?: { name: string; first: boolean };
  /** How long its event stream may stay down before its live calls are ended (media_server_lost). */
  lostAfterMs?: number;
}

const PENDING_JOB_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Turns media events into call signals. Events of one channel are applied one after another in
 * arrival order; the conditional updates make a late or repeated event harmless.
 */
export function startMediaEventConsumer(deps: MediaEventConsumerDeps): { idle(): Promise<void> } {
  const { media, calls, callService, telephonyQueue, logger } = deps;
  const queues = new Map<string, Promise<void>>();
  let lostTimer: NodeJS.Timeout | null = null;
  const liveCalls = () => (deps.server ? calls.findLiveOn(deps.server.name, deps.server.first) : calls.findLive());

  function enqueue(key: string, work: () => Promise<unknown>): void {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous
      .then(work)
      .then(() => undefined)
      .catch((error: unknown) => logger.error({ err: error, key }, 'applying a media event failed'));
    queues.set(key, next);
    void next.then(() => {
      if (queues.get(key) === next) queues.delete(key);
    });
  }

  /** The call of a channel event: the channel id itself when a UUID, else looked up by channel_id. */
  async function callOf(channelId: string): Promise<string | null> {
    return calls.callIdOfChannel(channelId);
  }

  async function apply(event: MediaEvent): Promise<void> {
    switch (event.type) {
      case 'channel_ringing':
        await signal(event.channelId, { type: 'ringing' });
        return;
      case 'channel_answered':
        await signal(event.channelId, { type: 'answered' });
        return;
      case 'channel_destroyed':
        await destroyed(event.channelId, event.cause);
        return;
      case 'channel_entered':
        if (event.args[0] === OUTGOING_CHANNEL_ARG) return; // one of ours, made by originate
        if (event.args[0] === SNOOP_CHANNEL_ARG) return; // a recording's snoop (recording-event-consumer)
        await incoming(event);
        return;
      case 'dtmf_received': {
        const callId = deps.flows && (await callOf(event.channelId));
        if (callId) await deps.flows?.digitPressed(callId, event.digit);
        return;
      }
      case 'channel_hangup_requested': {
        const callId = deps.flows && (await callOf(event.channelId));
        if (callId && !calls.knownWithoutFlow(callId)) await deps.flows?.hangingUp(callId);
        return;
      }
      case 'playback_finished':
        await deps.flows?.playbackFinished(event.playbackId, event.failed);
        return;
      case 'connected':
        if (lostTimer) clearTimeout(lostTimer);
        lostTimer = null;
        if (deps.server) await callService.markMediaServer(deps.server.name, false);
        await reconcile();
        return;
      case 'disconnected':
        if (!lostTimer && deps.lostAfterMs !== undefined) lostTimer = setTimeout(() => enqueue('reconcile', endLostCalls), deps.lostAfterMs);
        return;
    }
  }

  async function signal(channelId: string, callSignal: Parameters<CallService['signal']>[1]): Promise<void> {
    const callId = await callOf(channelId);
    if (callId) await callService.signal(callId, callSignal);
  }

  /**
   * The call ends; then its recordings still going are stopped. The call as it ended says
   * whether it ever had one (recording_ids only grows, and only while the call is progressing),
   * so most hangups need no recordings lookup.
   */
  async function destroyed(channelId: string, cause: number): Promise<void> {
    const callId = await callOf(channelId);
    if (!callId) return;
    let ended: Awaited<ReturnType<CallService['signal']>> = null;
    try {
      ended = await callService.signal(callId, { type: 'channel_destroyed', cause, channelId });
    } finally {
      if (deps.recordings && (ended === null || ended.recordingIds.length > 0)) await deps.recordings.onCallEnded(callId);
    }
  }

  /** A channel from outside: an incoming call, or refused as "unallocated number" rather than left hanging. */
  async function incoming(event: Extract<MediaEvent, { type: 'channel_entered' }>): Promise<void> {
    if (await calls.findByChannel(event.channelId)) return; // a repeated StasisStart
    const outcome = await callService.createIncoming({ ...event, mediaServer: deps.server?.name ?? null });
    if (outcome.type === 'created') return;
    logger.warn({ channelId: event.channelId, caller: event.callerNumber, called: event.calledNumber, reason: outcome.reason }, 'rejecting an incoming channel');
    await media.hangup(event.channelId, Q850.UNALLOCATED);
  }

  /**
   * The event stream was (re)opened: events may have been missed. Bring live calls in line with
   * the channels that exist, and end channels that belong to no live call.
   */
  async function reconcile(): Promise<void> {
    const started = performance.now();
    const [channels, live] = await Promise.all([media.listChannels(), liveCalls()]);
    const channelById = new Map(channels.map((channel) => [channel.id, channel]));
    for (const call of live) {
      const channel = channelById.get(call.channelId);
      const state = !channel ? 'gone' : channel.state === 'ringing' || channel.state === 'ring' ? 'ringing' : channel.state === 'up' ? 'up' : channel.state === 'down' ? 'down' : 'other';
      if (state === 'down' && call.status === 'dialing' && call.direction === 'outgoing' && !(await originatePending(call))) {
        // Made, but its StasisStart (which dials it) may have come while no one listened.
        const outcome = await media.dialIfNeverDialled(call.channelId).catch((error: unknown) => {
          logger.warn({ err: error, callId: call.id }, 'cannot dial a channel whose StasisStart was missed; its dial timeout ends it');
          return 'failed' as const;
        });
        if (outcome === 'dialled') logger.info({ callId: call.id }, 'dialled a channel whose StasisStart was missed');
        continue;
      }
      const next = reconcileSignal(call.status, state);
      if (!next || (state === 'gone' && (await originatePending(call)))) continue;
      await callService.signal(call.id, next);
    }
    // A master that ended while its cascade was lost (a crash between the two): end its legs now.
    for (const orphan of await calls.findOrphanedChained()) {
      await callService.signal(orphan.id, { type: 'hangup_requested', reason: CHAINED_HANGUP_REASON });
    }
    const liveChannels = new Set(live.map((call) => call.channelId));
    for (const channel of channels) {
      if (liveChannels.has(channel.id)) continue;
      // Only channels of calls that already ended are ours to end; others may be another app's.
      const call = await calls.findByChannel(channel.id);
      if (call?.status === 'hangup') await media.hangup(channel.id, Q850.NORMAL_CLEARING);
    }
    logger.info({ channels: channels.length, liveCalls: live.length, ms: Math.round(performance.now() - started) }, 'reconciled calls with the media server');
  }

  /**
   * The media server stayed unreachable for lostAfterMs: its channels are out of reach, and the
   * calls on it end here (local/failed, cause 38) rather than stay up with nothing behind them.
   * Should it come back, the reconcile of its reconnect hangs up the channels of these calls.
   */
  async function endLostCalls(): Promise<void> {
    lostTimer = null;
    // New calls go elsewhere from now on (with several servers), until it is back.
    if (deps.server) await callService.markMediaServer(deps.server.name, true);
    const live = await liveCalls();
    logger.error({ mediaServer: deps.server?.name, liveCalls: live.length, lostAfterMs: deps.lostAfterMs }, 'the media server is unreachable; ending its calls');
    for (const call of live) await callService.signal(call.id, { type: 'media_server_lost' });
  }

  /** Its channel is still to be made: the first attempt's originate job, or a later attempt's failover-dial reaction. */
  async function originatePending(call: Call): Promise<boolean> {
    if (PENDING_JOB_STATES.has(await telephonyQueue.getJobState(`originate_${call.id}`))) return true;
    if (call.attempts.length < 2 || !deps.reactionQueue) return false;
    return PENDING_JOB_STATES.has(await deps.reactionQueue.getJobState(reactionJobId('failover-dial', call.id, call.eventSeq)));
  }

  media.onEvent((event) => {
    const key = 'channelId' in event ? event.channelId : 'reconcile';
    enqueue(key, () => apply(event));
  });

  return {
    async idle() {
      await Promise.all([...queues.values()]);
    },
  };
}
