import { eventWord, traceEvents, type AriEventLike, type Kit } from './simulator-test-kit';
import { loadTrace } from '../../../test/support/traces';

/**
 * Replays a recorded Asterisk trace against the simulator through ari-client: the trace's own
 * requests, in its order, each sent once the simulator has produced the events the trace shows
 * before it; what happened outside the application (a caller dialling in, a far end hanging up
 * or pressing keys) is played through /sim. Then the events of each of the app's channels are
 * compared with the trace's.
 */
export interface ReplayPlan {
  /** The simulator's endpoint for a trace endpoint whose far end is not the number plan's (default: the same). */
  endpoints?: Record<string, string>;
  /** Far ends programmed through POST /sim/far-ends before the replay (ring and answer delays, causes). */
  farEnds?: Record<string, unknown>[];
  /** Far ends that hang up by themselves in the trace: at their first hard hangup request, with this cause (or a BYE). */
  farEndHangups?: Record<string, number | 'bye'>;
  /** Far ends that press keys: at their first ChannelDtmfReceived. */
  farEndDigits?: Record<string, string>;
  /** Hold StasisStart of created channels back until the trace shows it (trace stasis-start-before-dial). */
  holdStasisStart?: boolean;
  /** Keep the trace's own pace between requests (DTMF timing). */
  realTime?: boolean;
  /** Requests the trace did not record (its calls were made before the recording began). */
  preamble?: TraceRequest[];
}

/** The events compared: names, states and causes (RTP statistics, BRIDGEPEER and dialplan steps are left out). */
const SIGNIFICANT = new Set([
  'StasisStart',
  'StasisEnd',
  'Dial',
  'ChannelStateChange',
  'ChannelHangupRequest',
  'ChannelDestroyed',
  'ChannelDtmfReceived',
  'ChannelEnteredBridge',
  'ChannelLeftBridge',
  'ChannelCallerId',
  'ChannelConnectedLine',
]);

export interface TraceRequest {
  op: string;
  error?: { message?: string };
  [key: string]: unknown;
}

const isAppChannel = (id: string | undefined): id is string => id !== undefined && !id.includes(';2');
const subjectOf = (event: AriEventLike): string | undefined => event.channel?.id ?? event.peer?.id;

/**
 * A channel's events as words. Connected line updates count only before StasisStart (where
 * variables set them); in bridges Asterisk sends them as peers change, which the simulator does not model.
 */
export function channelWords(events: AriEventLike[], channelId: string): string[] {
  const mine = events.filter((event) => subjectOf(event) === channelId);
  const words: string[] = [];
  let started = false;
  for (const event of mine) {
    if (event.type === 'StasisStart') started = true;
    if (event.type === 'ChannelVarset' && event.variable === 'STASISSTATUS' && event.value === 'SUCCESS') words.push(eventWord(event));
    if (!SIGNIFICANT.has(event.type)) continue;
    if ((event.type === 'ChannelConnectedLine' || event.type === 'ChannelCallerId') && started) continue;
    words.push(eventWord(event));
  }
  return stateChangesFirst(words);
}

/**
 * Asterisk sends a state change and the Dial event of the same moment in either order (both
 * orders are in the traces): a state change is put before the Dial events right around it.
 */
function stateChangesFirst(words: string[]): string[] {
  const sorted = [...words];
  for (let moved = true; moved; ) {
    moved = false;
    for (let i = 0; i + 1 < sorted.length; i++) {
      if (sorted[i]!.startsWith('Dial:') && sorted[i + 1]!.startsWith('ChannelStateChange:')) {
        [sorted[i], sorted[i + 1]] = [sorted[i + 1]!, sorted[i]!];
        moved = true;
      }
    }
  }
  return sorted;
}

/** Events of no channel: bridges destroyed, recordings by name. */
export const globalWords = (events: AriEventLike[]): string[] =>
  events
    .filter((event) => ['BridgeDestroyed', 'RecordingStarted', 'RecordingFinished'].includes(event.type))
    .map((event) => `${event.type}:${event.bridge?.id ?? event.recording?.name}`);

export interface ReplayResult {
  channels: string[];
  ours: Record<string, string[]>;
  theirs: Record<string, string[]>;
  oursGlobal: string[];
  theirsGlobal: string[];
}

const WAIT_MS = 15_000;

export async function replayTrace(kit: Kit, name: string, plan: ReplayPlan = {}): Promise<ReplayResult> {
  const items = loadTrace(name) as (AriEventLike & { request?: TraceRequest; _ms?: number })[];
  const events = traceEvents(name);
  const channels = [...new Set(events.map(subjectOf).filter(isAppChannel))];
  const created = new Set<string>();
  const done = new Set<string>();
  const started = Date.now();

  for (const body of plan.farEnds ?? []) await kit.simPost('/sim/far-ends', body);
  if (plan.holdStasisStart) await kit.simPost('/sim/settings', { hold_stasis_start: true });
  for (const request of plan.preamble ?? []) await perform(kit, request, plan, created);

  const inbound = new Map<string, AriEventLike>();
  for (const event of events) {
    const id = event.channel?.id;
    if (event.type === 'StasisStart' && isAppChannel(id) && (event.args as string[] | undefined)?.[0] === 'inbound') inbound.set(id, event);
  }
  /** The caller outside the application dials in (once). */
  async function callIn(id: string): Promise<void> {
    const start = inbound.get(id);
    if (!start || done.has(`call:${id}`)) return;
    done.add(`call:${id}`);
    const channel = start.channel as unknown as { caller: { number: string }; dialplan: { exten: string } };
    const response = await kit.simPost('/sim/calls', { source: { target: channel.caller.number || 'anonymous' }, destination: { target: channel.dialplan.exten }, channel_id: id, app: kit.app });
    if (response.status !== 201) throw new Error(`${name}: /sim/calls answered ${response.status}`);
    await kit.log.waitFor('StasisStart', id);
  }

  /**
   * Waits until every channel, and the bridges and recordings of no channel, have had at least
   * the events the trace shows before item `index` (a recording starts a moment after its request).
   */
  async function catchUp(index: number): Promise<void> {
    const before = items.slice(0, index).filter((item) => item.request === undefined);
    const deadline = Date.now() + WAIT_MS;
    const subjects: [string, (source: AriEventLike[]) => string[]][] = [
      ...channels.map((channel): [string, (source: AriEventLike[]) => string[]] => [channel, (source) => channelWords(source, channel)]),
      ['bridges and recordings', globalWords],
    ];
    for (const [subject, words] of subjects) {
      const expected = words(before).length;
      while (words(kit.log.events).length < expected) {
        if (Date.now() > deadline) {
          throw new Error(`${name}: ${subject} had ${JSON.stringify(words(kit.log.events))}, the trace ${JSON.stringify(words(before))}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  }

  for (const [index, item] of items.entries()) {
    if (plan.realTime && item._ms !== undefined) {
      const wait = started + item._ms - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    if (item.request) {
      for (const id of inbound.keys()) if (item.request.op.includes(id)) await callIn(id);
      await catchUp(index);
      await perform(kit, item.request, plan, created);
      continue;
    }
    const id = item.channel?.id;
    if (!isAppChannel(id)) continue;
    if (item.type === 'StasisStart' && inbound.has(id)) {
      await catchUp(index);
      await callIn(id);
    }
    if (item.type === 'StasisStart' && created.has(id) && plan.holdStasisStart && !done.has(`start:${id}`)) {
      done.add(`start:${id}`);
      await catchUp(index);
      await kit.simPost(`/sim/channels/${encodeURIComponent(id)}/stasis-start`);
    }
    const hangup = plan.farEndHangups?.[id];
    if (item.type === 'ChannelHangupRequest' && !item.soft && hangup !== undefined && !done.has(`hangup:${id}`)) {
      done.add(`hangup:${id}`);
      await catchUp(index);
      await kit.simPost(`/sim/channels/${encodeURIComponent(id)}/hangup`, hangup === 'bye' ? {} : { cause: hangup });
    }
    const digits = plan.farEndDigits?.[id];
    if (item.type === 'ChannelDtmfReceived' && digits && !done.has(`dtmf:${id}`)) {
      done.add(`dtmf:${id}`);
      await catchUp(index);
      await kit.simPost(`/sim/channels/${encodeURIComponent(id)}/dtmf`, { digits });
    }
  }
  await catchUp(items.length);
  // Anything the simulator would send beyond the trace arrives within a moment.
  await new Promise((resolve) => setTimeout(resolve, 50));
  if (plan.holdStasisStart) await kit.simPost('/sim/settings', { hold_stasis_start: false });

  const table = (source: AriEventLike[]) => Object.fromEntries(channels.map((channel) => [channel, channelWords(source, channel)]));
  return { channels, ours: table(kit.log.events), theirs: table(events), oursGlobal: globalWords(kit.log.events), theirsGlobal: globalWords(events) };
}

/** One recorded request, sent the way the application sent it. */
async function perform(kit: Kit, request: TraceRequest, plan: ReplayPlan, created: Set<string>): Promise<void> {
  const [method = '', path = '', ...inline] = request.op.split(' ');
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) if (!['op', 'status', 'response_ms', 'result', 'error'].includes(key)) params[key] = value;
  for (const pair of inline) {
    const [key, value] = pair.split('=');
    if (key && value !== undefined) params[key] = value;
  }
  if (typeof params.endpoint === 'string') params.endpoint = plan.endpoints?.[params.endpoint] ?? params.endpoint;
  if ('endpoint' in params || 'app' in params) params.app = kit.app;
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (segments.some((segment) => segment.includes(';2')) || String(params.eventSource ?? '').includes(';2')) return; // the far end's half: /sim plays it
  const call = operation(kit, method, segments, params);
  if (!call) throw new Error(`no replay for ${request.op}`);
  if (typeof params.channelId === 'string' && (path === '/channels' || path === '/channels/create')) created.add(params.channelId);
  const expectedError = request.error?.message;
  try {
    await call();
  } catch (error) {
    if (expectedError && String((error as Error).message).includes(expectedError)) return;
    throw new Error(`${request.op}: ${(error as Error).message}`);
  }
  if (expectedError) throw new Error(`${request.op} succeeded where Asterisk answered ${expectedError}`);
}

type Call = () => Promise<unknown>;

function operation(kit: Kit, method: string, [resource, id, verb, sub]: string[], params: Record<string, unknown>): Call | null {
  const { channels, bridges, applications, recordings } = kit.ari;
  const reason = params.reason_code !== undefined ? { reason_code: String(params.reason_code) } : params.reason !== undefined ? { reason: params.reason } : {};
  if (resource === 'channels') {
    if (!id) return method === 'POST' ? () => channels.originate!(params) : () => channels.list!();
    if (id === 'create') return () => channels.create!(params);
    const channelId = id;
    if (!verb) return method === 'DELETE' ? () => channels.hangup!({ channelId, ...reason }) : () => channels.get!({ channelId });
    const on = method === 'POST';
    const table: Record<string, Call> = {
      dial: () => channels.dial!({ channelId, ...(params.timeout !== undefined ? { timeout: params.timeout } : {}) }),
      answer: () => channels.answer!({ channelId }),
      ring: () => (on ? channels.ring!({ channelId }) : channels.ringStop!({ channelId })),
      hold: () => (on ? channels.hold!({ channelId }) : channels.unhold!({ channelId })),
      moh: () => (on ? channels.startMoh!({ channelId, ...(params.mohClass ? { mohClass: params.mohClass } : {}) }) : channels.stopMoh!({ channelId })),
      silence: () => (on ? channels.startSilence!({ channelId }) : channels.stopSilence!({ channelId })),
      mute: () => (on ? channels.mute!({ channelId, direction: params.direction }) : channels.unmute!({ channelId, direction: params.direction })),
      dtmf: () => channels.sendDTMF!({ channelId, dtmf: params.dtmf, ...(params.duration ? { duration: params.duration, between: params.between } : {}) }),
      play: () => channels.play!({ channelId, media: params.media, playbackId: params.playbackId }),
      record: () => channels.record!({ channelId, name: params.name, format: params.format ?? 'wav' }),
      snoop: () => channels.snoopChannel!({ channelId, spy: params.spy, app: kit.app, snoopId: params.snoopId, appArgs: 'snoop' }),
    };
    return table[verb] ?? null;
  }
  if (resource === 'bridges') {
    if (!id) return () => bridges.create!({ type: params.type, bridgeId: params.bridgeId });
    const bridgeId = id;
    if (!verb) return method === 'DELETE' ? () => bridges.destroy!({ bridgeId }) : () => bridges.get!({ bridgeId });
    const table: Record<string, Call> = {
      addChannel: () => bridges.addChannel!({ bridgeId, channel: params.channel }),
      removeChannel: () => bridges.removeChannel!({ bridgeId, channel: params.channel }),
      moh: () => (method === 'POST' ? bridges.startMoh!({ bridgeId, mohClass: params.mohClass ?? 'default' }) : bridges.stopMoh!({ bridgeId })),
      record: () => bridges.record!({ bridgeId, name: params.name, format: params.format ?? 'wav' }),
    };
    return table[verb] ?? null;
  }
  if (resource === 'applications') {
    if (verb === 'subscription') return () => applications.subscribe!({ applicationName: kit.app, eventSource: params.eventSource });
    return () => applications.get!({ applicationName: kit.app });
  }
  if (resource === 'recordings') {
    if (id === 'stored') return () => recordings.listStored!();
    if (id === 'live' && sub === 'stop') return () => recordings.stop!({ recordingName: verb });
  }
  return null;
}
