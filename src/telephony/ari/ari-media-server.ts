import { connect, type AriClient } from 'ari-client';
import type { Logger } from '../../platform/logger';
import { OUTGOING_CHANNEL_ARG, type ChannelSnapshot, type MediaEvent, type MediaEventListener, type MediaServer, type OriginateRequest } from '../media-server';
import { isAriDuplicateId, isAriNotFound } from './ari-errors';
import type { AriRequest } from './ari-request';
import { flowVerbs } from './flow-verbs';
import { mediaControlVerbs } from './media-control-verbs';
import { channelState, translateAriEvent, type AriChannel, type AriEvent } from './ari-events';
import { recordingVerbs } from './recording-verbs';

export interface AriSettings {
  url: string;
  username: string;
  password: string;
  app: string;
}

const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 10_000;
const REQUEST_TIMEOUT_MS = 10_000;

/** The MediaServer port on Asterisk's REST Interface, through ari-client. */
export function createAriMediaServer(settings: AriSettings, logger: Logger): MediaServer {
  const listeners: MediaEventListener[] = [];
  let client: AriClient | null = null;
  let stopped = false;
  let restartTimer: NodeJS.Timeout | null = null;
  /** Whether this process hears the application's events (it opened the stream, not yet closed it). */
  let listening = false;
  let streaming = false;

  const emit = (event: MediaEvent) => {
    for (const listener of listeners) listener(event);
  };

  /**
   * Every ARI request, bounded: ari-client has no timeout of its own, and a request to a hung
   * Asterisk would otherwise hold a telephony job forever (the job fails and is retried).
   */
  const request: AriRequest = async (call) => {
    if (!client) throw new Error('ARI is not connected');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`ARI request timed out after ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
    });
    try {
      return await Promise.race([call(client), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  function onAriEvent(raw: AriEvent): void {
    if (raw.type === 'ApplicationReplaced') return emit({ type: 'replaced' });
    const translation = translateAriEvent(raw);
    if (!translation) return;
    if (translation.hangup) {
      const { channelId, cause } = translation.hangup;
      void hangup(channelId, cause).catch((error: unknown) => logger.warn({ err: error, channelId }, 'ending a failed dial failed'));
    }
    if (translation.event) emit(translation.event);
  }

  async function hangup(channelId: string, cause: number): Promise<'hung_up' | 'not_found'> {
    try {
      await request((ari) => ari.channels.hangup!({ channelId, reason_code: String(cause) }));
      return 'hung_up';
    } catch (error) {
      if (isAriNotFound(error)) return 'not_found';
      throw error;
    }
  }

  async function openStream(ari: AriClient): Promise<void> {
    streaming = true;
    await ari.start(settings.app);
  }

  /** Connects (retrying with backoff until it works) and, when listening, opens the event stream. */
  async function connectWithRetry(): Promise<void> {
    for (let delay = RETRY_MIN_MS; !stopped; delay = Math.min(delay * 2, RETRY_MAX_MS)) {
      try {
        const next = await connect(settings.url, settings.username, settings.password);
        next.on('*', onAriEvent);
        next.on('WebSocketConnected', () => emit({ type: 'connected' }));
        next.on('WebSocketReconnecting', (error?: Error) => logger.warn({ err: error }, 'ARI event stream lost; reconnecting'));
        next.on('WebSocketMaxRetries', () => scheduleRestart(next));
        client = next;
        streaming = false;
        if (listening) await openStream(next);
        return;
      } catch (error) {
        logger.warn({ err: error, delay }, 'cannot reach ARI; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** ari-client stops retrying after its own limit: start over with a fresh client. */
  function scheduleRestart(previous: AriClient): void {
    previous.removeAllListeners();
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
      if (client && !streaming) await openStream(client);
    },
    async unlisten() {
      listening = false;
      if (client && streaming) {
        streaming = false;
        client.stop();
      }
    },

    async stop() {
      stopped = true;
      if (restartTimer) clearTimeout(restartTimer);
      if (client) {
        client.removeAllListeners();
        if (streaming) client.stop();
        streaming = false;
        client = null;
      }
    },

    onEvent(listener) {
      listeners.push(listener);
    },

    async originate(originate: OriginateRequest) {
      let existed = false;
      try {
        await request((ari) => ari.channels.create!({
          endpoint: originate.endpoint,
          app: settings.app,
          channelId: originate.channelId,
          appArgs: OUTGOING_CHANNEL_ARG,
          // Caller ID as a channel variable: channels/create has no callerId of its own.
          variables: { 'CALLERID(num)': originate.callerId },
        }));
      } catch (error) {
        if (!isAriDuplicateId(error)) throw error;
        existed = true;
      }
      try {
        await request((ari) => ari.channels.dial!({ channelId: originate.channelId, timeout: originate.timeoutSeconds }));
      } catch (error) {
        // A retried originate whose first attempt dialed already: the channel is on its way.
        if (!existed) throw error;
        logger.debug({ err: error, channelId: originate.channelId }, 'channel exists and was dialed before');
      }
    },

    hangup,
    ...mediaControlVerbs(request),

    async listChannels(): Promise<ChannelSnapshot[]> {
      const channels = (await request((ari) => ari.channels.list!())) as AriChannel[];
      return channels.map((channel) => ({ id: channel.id, state: channelState(channel.state) }));
    },

    ...recordingVerbs(request, settings),
  };
}
