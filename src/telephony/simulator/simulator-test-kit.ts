import { loadTrace } from '../../../test/support/traces';
import type { FarEndRecord } from './channel';
import { startAriSimulator, type RunningSimulator, type SimulatorDelays } from './index';

/**
 * What the simulator's integration tests share: a simulator on a free port with short delays, an
 * ari-client connected to it, a log of the events it received that tests can wait on, and the
 * traces recorded from a real Asterisk to compare with. (The tests pass ari-client's `connect` in:
 * only test files may import ari-client.)
 */

export const TEST_DELAYS: SimulatorDelays = { ringMs: 20, answerMs: 30, giveUpMs: 40, remoteHangupMs: 40 };
const WAIT_MS = 10_000;

export interface AriEventLike {
  type: string;
  channel?: { id: string; state: string; name?: string; [key: string]: unknown };
  peer?: { id: string; state: string };
  playback?: { id: string; target_uri: string; state: string; [key: string]: unknown };
  recording?: { name: string; target_uri: string; state: string; [key: string]: unknown };
  bridge?: { id: string; channels: string[]; [key: string]: unknown };
  [key: string]: unknown;
}

type Operation = (params?: Record<string, unknown>) => Promise<unknown>;

/** The part of ari-client the tests use. */
export interface AriClientLike {
  channels: Record<string, Operation>;
  bridges: Record<string, Operation>;
  playbacks: Record<string, Operation>;
  recordings: Record<string, Operation>;
  asterisk: Record<string, Operation>;
  applications: Record<string, Operation>;
  on(event: string, listener: (event: AriEventLike) => void): unknown;
  once(event: string, listener: () => void): unknown;
  start(app: string): Promise<void>;
  stop(): void;
}

export type AriConnect = (url: string, user: string, pass: string) => Promise<AriClientLike>;

/** The events a client received, in order, and a way to wait for the one a test expects. */
export class EventLog {
  readonly events: AriEventLike[] = [];
  private waiters: { predicate: (event: AriEventLike) => boolean; resolve: (event: AriEventLike) => void }[] = [];

  push(event: AriEventLike): void {
    this.events.push(event);
    this.waiters = this.waiters.filter((waiter) => (waiter.predicate(event) ? (waiter.resolve(event), false) : true));
  }

  /** The first event, past or future, that matches; fails after a generous time. */
  wait(predicate: (event: AriEventLike) => boolean, what: string): Promise<AriEventLike> {
    const seen = this.events.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_MS} ms`)), WAIT_MS);
      this.waiters.push({ predicate, resolve: (event) => (clearTimeout(timer), resolve(event)) });
    });
  }

  waitFor(type: string, channelId: string, extra: (event: AriEventLike) => boolean = () => true): Promise<AriEventLike> {
    return this.wait((event) => event.type === type && concerns(event, channelId) && extra(event), `${type} for ${channelId}`);
  }

  of(channelId: string): AriEventLike[] {
    return this.events.filter((event) => concerns(event, channelId));
  }
}

const concerns = (event: AriEventLike, channelId: string): boolean =>
  event.channel?.id === channelId || event.peer?.id === channelId || event.playback?.target_uri === `channel:${channelId}` || event.recording?.target_uri === `channel:${channelId}`;

/** One event as a comparable word: `Dial:RINGING`, `ChannelDestroyed:17`, `StasisStart(Down)` … */
export function eventWord(event: AriEventLike): string {
  switch (event.type) {
    case 'StasisStart':
      return `StasisStart(${event.channel?.state})`;
    case 'ChannelStateChange':
      return `ChannelStateChange:${event.channel?.state}`;
    case 'Dial':
      return `Dial:${String(event.dialstatus)}`;
    case 'ChannelVarset':
      return `ChannelVarset:${String(event.variable)}=${String(event.value)}`;
    case 'ChannelDialplan':
      return `ChannelDialplan:${String(event.dialplan_app)}`;
    case 'ChannelHangupRequest':
      return `ChannelHangupRequest:${event.soft ? 'soft' : String(event.cause)}`;
    case 'ChannelDestroyed':
      return `ChannelDestroyed:${String(event.cause)}`;
    case 'ChannelDtmfReceived':
      return `ChannelDtmfReceived:${String(event.digit)}`;
    default:
      return event.type;
  }
}

/** RTP statistics Asterisk sets at the end of a SIP call: the simulator has no RTP to report. */
const isRtpStatistics = (event: AriEventLike) => event.type === 'ChannelVarset' && String(event.variable).startsWith('RTPAUDIOQOS');

export const wordsOf = (events: AriEventLike[]): string[] => events.filter((event) => !isRtpStatistics(event)).map(eventWord);

/** A recorded trace's events only (the requests are left out). */
export function traceEvents(name: string): AriEventLike[] {
  return (loadTrace(name) as (AriEventLike & { request?: unknown })[]).filter((item) => item.request === undefined);
}

/** The words of the trace's events about one channel. */
export function traceWords(name: string, channelId: string): string[] {
  return wordsOf(traceEvents(name).filter((event) => concerns(event, channelId)));
}

export interface Kit {
  sim: RunningSimulator;
  ari: AriClientLike;
  log: EventLog;
  app: string;
  /** GET on the control surface: a far end's record by default. */
  simGet<T = FarEndRecord>(path: string): Promise<T>;
  simPost(path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export const USER = 'opencall';
export const PASSWORD = 'secret';

export async function startKit(connect: AriConnect, app = 'voice'): Promise<Kit> {
  const sim = await startAriSimulator({ port: 0, username: USER, password: PASSWORD, delays: TEST_DELAYS });
  const ari = await connect(sim.url, USER, PASSWORD);
  const log = new EventLog();
  ari.on('*', (event) => log.push(event));
  await ari.start(app);
  return {
    sim,
    ari,
    log,
    app,
    simGet: async <T>(route: string) => (await (await fetch(`${sim.url}${route}`)).json()) as T,
    simPost: (route, body = {}) => fetch(`${sim.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    async close() {
      ari.stop();
      await sim.close();
    },
  };
}
