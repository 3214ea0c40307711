import WebSocket from 'ws';
import type { AriEvent } from './ari-events';

export interface AriEventStreamSettings {
  url: string;
  username: string;
  password: string;
  app: string;
  /** Bounds the opening handshake (ARI_REQUEST_TIMEOUT_MS): a server that takes the connection and never answers is tried again. */
  requestTimeoutMs: number;
}

export interface AriEventStreamListeners {
  /** Every event of the application, as Asterisk sent it (the parsed JSON). */
  event(raw: AriEvent): void;
  /** The socket is open (at first, and after every reconnect). */
  connected(): void;
  /** The socket went; another attempt is scheduled. */
  reconnecting(error?: Error): void;
  /** Attempts in a row failed too often: the stream is given up (the caller may start over). */
  gaveUp(error?: Error): void;
}

export interface AriEventStream {
  /** Settles once the socket first opened (true), or the stream was given up or closed before (false). */
  opened: Promise<boolean>;
  close(): void;
}

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 10_000;
const MAX_RETRIES = 10;

/**
 * The application's event WebSocket (`/ari/events`), every message parsed as plain JSON and
 * handed on as it is. ari-client's own stream looked up the event's swagger model and built a
 * resource object (every operation of the model bound to it) for each channel, bridge or
 * playback of every event, none of which the adapter reads: ari-events.ts reads plain fields.
 * ari-client stays the library for the commands. Reconnects as ari-client's stream did: after
 * 100 ms doubling up to 10 s, at most 10 attempts in a row, then gives up. Authenticated as
 * ari-client did (`api_key=user:pass`), under the URL's path as the plain requests are (ari-rest.ts).
 */
export function openAriEventStream(settings: AriEventStreamSettings, listeners: AriEventStreamListeners): AriEventStream {
  const base = new URL(settings.url);
  const scheme = base.protocol === 'https:' ? 'wss:' : 'ws:';
  const prefix = base.pathname.replace(/\/$/, '');
  const url = `${scheme}//${base.host}${prefix}/ari/events?app=${encodeURIComponent(settings.app)}&api_key=${encodeURIComponent(settings.username)}:${encodeURIComponent(settings.password)}`;
  let socket: WebSocket | null = null;
  let closed = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let delay = FIRST_RETRY_MS;
  let retries = 0;
  let settle: (open: boolean) => void = () => undefined;
  const opened = new Promise<boolean>((resolve) => (settle = resolve));

  function retry(error?: Error): void {
    if (closed) return;
    if (++retries > MAX_RETRIES) {
      closed = true;
      settle(false);
      listeners.gaveUp(error);
      return;
    }
    retryTimer = setTimeout(connect, delay);
    delay = Math.min(delay * 2, MAX_RETRY_MS);
    listeners.reconnecting(error);
  }

  function connect(): void {
    retryTimer = null;
    if (closed) return;
    const ws = new WebSocket(url, { handshakeTimeout: settings.requestTimeoutMs });
    socket = ws;
    // An error is followed by a close: one attempt more for the two.
    let failed = false;
    ws.on('open', () => {
      delay = FIRST_RETRY_MS;
      retries = 0;
      settle(true);
      listeners.connected();
    });
    ws.on('message', (data: Buffer) => {
      let raw: AriEvent;
      try {
        raw = JSON.parse(data.toString('utf8')) as AriEvent;
      } catch {
        return; // not an event (Asterisk sends none such)
      }
      if (raw && typeof raw.type === 'string') listeners.event(raw);
    });
    ws.on('error', (error) => {
      if (socket !== ws) return;
      failed = true;
      retry(error);
    });
    ws.on('close', () => {
      if (socket === ws && !failed) retry();
    });
  }

  connect();
  return {
    opened,
    close() {
      closed = true;
      settle(false);
      if (retryTimer) clearTimeout(retryTimer);
      const ws = socket;
      socket = null;
      ws?.close();
    },
  };
}
