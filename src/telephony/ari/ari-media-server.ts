import { connect, type AriClient } from 'ari-client';
import type { Logger } from '../../platform/logger';
import { OUTGOING_CHANNEL_ARG, type ChannelSnapshot, type MediaEvent, type MediaEventListener, type MediaServer, type OriginateRequest } from '../media-server';
import { Q850 } from '../../domain/hangup';
import { ariMessage, isAriDuplicateId, isAriNotFound, isAriNotInStasis } from './ari-errors';
import { createDialplanChannels, enteredFromDialplan } from './dialplan-channels';
import { dialArgs, dialTimeoutOf, sipHeaderVariables } from './outgoing-args';
import type { AriRequest } from './ari-request';
import { flowVerbs } from './flow-verbs';
import { mediaControlVerbs } from './media-control-verbs';
import { channelState, translateAriEvent, type AriChannel, type AriEvent } from './ari-events';
import { recordingVerbs } from './recording-verbs';
import { createAriRest } from './ari-rest';
import { openAriEventStream, type AriEventStream } from './ari-event-stream';

export interface AriSettings {
  url: string;
  username: string;
  password: string;
  app: string;
  /** The longest one request may take (ari-client has no timeout of its own). */
  requestTimeoutMs: number;
}

const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 10_000;
/** The channel variable that says the product dialled an outgoing channel (never dial one twice). */
const DIALLED_MARK = 'OPENCALL_DIALLED';

/**
 * The caller id, as channel variables (channels/create has no callerId): chan_pjsip builds the
 * INVITE's From from the connected line, so CALLERID alone offers "Anonymous" (trace
 * callerid-presentation); a Local channel's far end takes it as its caller too.
 */
function callerIdVariables({ callerId, callerName }: OriginateRequest): Record<string, string> {
  return {
    'CALLERID(num)': callerId,
    'CONNECTEDLINE(num)': callerId,
    ...(callerName ? { 'CALLERID(name)': callerName, 'CONNECTEDLINE(name)': callerName } : {}),
  };
}

/** The MediaServer port on Asterisk's REST Interface: ari-client, and plain HTTP for every call's own requests. */
export function createAriMediaServer(settings: AriSettings, logger: Logger): MediaServer {
  const listeners: MediaEventListener[] = [];
  let client: AriClient | null = null;
  let stopped = false;
  let restartTimer: NodeJS.Timeout | null = null;
  /** Whether this process hears the application's events (it opened the stream, not yet closed it). */
  let listening = false;
  /** The event stream, while open (its own WebSocket: ari-client is for the commands). */
  let stream: AriEventStream | null = null;
  /** Whether the stream is known to be down (said once per outage, as `disconnected`). */
  let lost = false;

  const emit = (event: MediaEvent) => {
    for (const listener of listeners) listener(event);
  };
  /** The event stream of a listening process is down: said once until it is back. */
  const streamLost = () => {
    if (!listening || stopped || lost) return;
    lost = true;
    emit({ type: 'disconnected' });
  };

  /**
   * Every ARI request, bounded: ari-client has no timeout of its own, and a request to a hung
   * Asterisk would otherwise hold a telephony job forever (the job fails and is retried).
   */
  const request: AriRequest = async (call) => {
    if (!client) throw new Error('ARI is not connected');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`ARI request timed out after ${settings.requestTimeoutMs} ms`)), settings.requestTimeoutMs);
    });
    try {
      return await Promise.race([call(client), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const dialplanChannels = createDialplanChannels();
  /** Outgoing channels this process dials or has dialled: its StasisStart and reconciliation never both dial one. */
  const dialling = new Set<string>();
  /** Every call's own requests (create, dial, hangup), on plain HTTP; the rest go through ari-client. */
  const rest = createAriRest(settings, settings.requestTimeoutMs);

  /** Subscribes to a channel from the dialplan, so that its ChannelDestroyed comes (with the real cause). */
  function subscribe(channelId: string): void {
    const subscription = request((ari) => ari.applications.subscribe!({ applicationName: settings.app, eventSource: `channel:${channelId}` })).then(
      () => true,
      (error: unknown) => {
        logger.warn({ err: error, channelId }, 'cannot subscribe to an incoming channel; it will end at its StasisEnd');
        return false;
      },
    );
    dialplanChannels.subscribing(channelId, subscription);
  }

  /** A channel from the dialplan without a subscription brings no ChannelDestroyed: it ends here. */
  async function stasisEnded(channel: AriChannel): Promise<void> {
    const cause = await dialplanChannels.stasisEnded(channel);
    if (cause !== null) emit({ type: 'channel_destroyed', channelId: channel.id, cause });
  }

  /**
   * An outgoing channel is dialled once it is in the application: a `dial` sent as soon as
   * channels/create answers is refused (409) whenever StasisStart has not come yet (trace
   * stasis-start-before-dial). A dial that fails for another reason ends the channel (congestion).
   */
  async function dialOnStasisStart(channelId: string, args: string[]): Promise<void> {
    if (dialling.has(channelId)) return; // reconciliation found it first and dials it
    dialling.add(channelId);
    try {
      await dial(channelId, args);
    } catch (error) {
      if (isAriNotFound(error)) return; // hung up before it was dialled
      logger.warn({ err: error, channelId }, 'dialling an outgoing channel failed; ending it');
      await hangup(channelId, Q850.CONGESTION).catch(() => undefined);
    }
  }

  /**
   * Marks the channel as dialled, then dials it. Mark first: a crash in between leaves a channel
   * marked but never dialled (its dial timeout ends it), never one dialled twice.
   */
  async function dial(channelId: string, args: string[]): Promise<void> {
    const channel = `/channels/${encodeURIComponent(channelId)}`;
    await rest('POST', `${channel}/variable`, { variable: DIALLED_MARK, value: '1' });
    await rest('POST', `${channel}/dial`, { timeout: String(dialTimeoutOf(args)) });
  }

  /** Whether the product dialled the channel (its mark; Asterisk answers 404 for a variable never set). */
  async function dialledBefore(channelId: string): Promise<boolean> {
    try {
      const answer = (await request((ari) => ari.channels.getChannelVar!({ channelId, variable: DIALLED_MARK }))) as { value?: string };
      return answer.value === '1';
    } catch (error) {
      if (/variable was not found/i.test(ariMessage(error))) return false;
      throw error;
    }
  }

  /** See MediaServer.dialIfNeverDialled. */
  async function dialIfNeverDialled(channelId: string): Promise<'dialled' | 'dialled_before' | 'not_found'> {
    if (dialling.has(channelId)) return 'dialled_before';
    dialling.add(channelId);
    try {
      if (await dialledBefore(channelId)) return 'dialled_before';
      const channel = (await request((ari) => ari.channels.get!({ channelId }))) as AriChannel;
      // The Stasis arguments it was created with (`opencall,outgoing,dial_timeout=35`) carry its dial timeout.
      await dial(channelId, (channel.dialplan?.app_data ?? '').split(',').slice(1));
      return 'dialled';
    } catch (error) {
      dialling.delete(channelId); // not dialled here: its StasisStart, if it comes, still dials it
      if (isAriNotFound(error)) return 'not_found';
      throw error;
    }
  }

  function track(raw: AriEvent): void {
    const channel = raw.channel;
    if (!channel) return;
    if (raw.type === 'StasisStart') {
      const args = raw.args ?? [];
      if (args[0] === OUTGOING_CHANNEL_ARG && channel.state === 'Down') void dialOnStasisStart(channel.id, args);
      else if (enteredFromDialplan(args)) subscribe(channel.id);
    }
    if (raw.type === 'ChannelHangupRequest') dialplanChannels.hangupRequested(raw);
    if (raw.type === 'StasisEnd') void stasisEnded(channel);
    if (raw.type === 'ChannelDestroyed') {
      dialplanChannels.forget(channel.id);
      dialling.delete(channel.id);
    }
  }

  function onAriEvent(raw: AriEvent): void {
    if (raw.type === 'ApplicationReplaced') return emit({ type: 'replaced' });
    track(raw);
    const translation = translateAriEvent(raw);
    if (!translation) return;
    if (translation.hangup) {
      const { channelId, cause } = translation.hangup;
      void hangup(channelId, cause).catch((error: unknown) => logger.warn({ err: error, channelId }, 'ending a failed dial failed'));
    }
    if (translation.event) emit(translation.event);
  }

  async function hangup(channelId: string, cause: number): Promise<'hung_up' | 'not_found'> {
    dialplanChannels.hangingUp(channelId, cause);
    try {
      await rest('DELETE', `/channels/${encodeURIComponent(channelId)}`, { reason_code: String(cause) });
      return 'hung_up';
    } catch (error) {
      if (!isAriNotFound(error)) throw error;
      dialplanChannels.forget(channelId);
      return 'not_found';
    }
  }

  async function openStream(): Promise<void> {
    const opening = openAriEventStream(settings, {
      event: onAriEvent,
      connected: () => {
        lost = false;
        emit({ type: 'connected' });
      },
      reconnecting: (error) => {
        logger.warn({ err: error }, 'ARI event stream lost; reconnecting');
        streamLost();
      },
      gaveUp: () => {
        streamLost();
        if (stream === opening) stream = null;
        scheduleRestart();
      },
    });
    stream = opening;
    await opening.opened;
  }

  function closeStream(): void {
    stream?.close();
    stream = null;
  }

  /** Connects (retrying with backoff until it works) and, when listening, opens the event stream. */
  async function connectWithRetry(): Promise<void> {
    for (let delay = RETRY_MIN_MS; !stopped; delay = Math.min(delay * 2, RETRY_MAX_MS)) {
      try {
        client = await connect(settings.url, settings.username, settings.password);
        closeStream();
        if (listening) await openStream();
        return;
      } catch (error) {
        logger.warn({ err: error, delay }, 'cannot reach ARI; retrying');
        streamLost();
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** The event stream stopped retrying after its limit: start over with a fresh client. */
  function scheduleRestart(): void {
    if (stopped) return;
    restartTimer = setTimeout(() => void connectWithRetry(), RETRY_MAX_MS);
  }

  return {
    ...flowVerbs(request),
    async start() {
      listening = true;
      await connectWithRetry();
    },
    connect: connectWithRetry,
    async listen() {
      listening = true;
      if (client && !stream) await openStream();
      else if (!client) streamLost(); // still connecting: the media server is not there (yet)
    },
    async unlisten() {
      listening = false;
      closeStream();
    },

    async stop() {
      stopped = true;
      if (restartTimer) clearTimeout(restartTimer);
      rest.close();
      closeStream();
      client = null;
    },

    onEvent(listener) {
      listeners.push(listener);
    },

    /**
     * Creates the channel; its StasisStart dials it (with the dial timeout its Stasis arguments
     * carry). The provider's codecs are the create's `formats`, its SIP headers channel variables.
     */
    async originate(originate: OriginateRequest) {
      try {
        const query = {
          endpoint: originate.endpoint,
          app: settings.app,
          channelId: originate.channelId,
          appArgs: dialArgs(originate.timeoutSeconds),
          ...(originate.formats ? { formats: originate.formats } : {}),
        };
        await rest('POST', '/channels/create', query, { variables: { ...callerIdVariables(originate), ...sipHeaderVariables(originate.endpoint, originate.sipHeaders) } });
      } catch (error) {
        if (!isAriDuplicateId(error)) throw error;
        // A retried originate whose first attempt made the channel. Its StasisStart dials it,
        // unless that came while no one listened (the worker that made it died): then it is
        // dialled here, once (the mark). Not yet in the application: its StasisStart will come.
        logger.debug({ err: error, channelId: originate.channelId }, 'channel exists already');
        await dialIfNeverDialled(originate.channelId).catch((failure: unknown) => {
          if (!isAriNotInStasis(failure)) throw failure;
        });
      }
    },

    hangup,
    ...mediaControlVerbs(request),

    async listChannels(): Promise<ChannelSnapshot[]> {
      const channels = (await request((ari) => ari.channels.list!())) as AriChannel[];
      return channels.map((channel) => ({ id: channel.id, state: channelState(channel.state) }));
    },

    dialIfNeverDialled,

    ...recordingVerbs(request, settings),
  };
}
