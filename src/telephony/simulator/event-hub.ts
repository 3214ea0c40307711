import type { WebSocket } from 'ws';
import { ariTime } from './ari-time';

/** The entity id Asterisk stamps on every event (its MAC address by default). */
export const ASTERISK_ID = '02:fc:00:00:00:01';

export type AriEvent = { type: string } & Record<string, unknown>;

/**
 * The /ari/events sockets by Stasis application. As in Asterisk, an application is served by one
 * socket: a newer socket for the same application takes it over and the older one is told so with
 * ApplicationReplaced. Applications stay known after their socket closes, as Asterisk keeps them.
 */
export function createEventHub() {
  const socketOf = new Map<string, WebSocket | null>();
  const sockets = new Set<WebSocket>();

  function send(socket: WebSocket, app: string, event: AriEvent): void {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(JSON.stringify({ ...event, asterisk_id: ASTERISK_ID, application: app }));
  }

  return {
    connect(apps: readonly string[], socket: WebSocket): void {
      sockets.add(socket);
      for (const app of apps) {
        const previous = socketOf.get(app);
        if (previous && previous !== socket) send(previous, app, { type: 'ApplicationReplaced', timestamp: ariTime() });
        socketOf.set(app, socket);
      }
      // A broken socket only closes; it must not take the simulator down.
      socket.on('error', () => socket.terminate());
      socket.on('close', () => {
        sockets.delete(socket);
        for (const app of apps) if (socketOf.get(app) === socket) socketOf.set(app, null);
      });
    },

    emit(app: string, event: AriEvent): void {
      const socket = socketOf.get(app);
      if (socket) send(socket, app, event);
    },

    /** Applications with an open socket, oldest first. */
    connectedApps(): string[] {
      return [...socketOf].filter(([, socket]) => socket !== null && socket.readyState === socket.OPEN).map(([app]) => app);
    },

    /** Every application that ever connected. */
    knownApps(): string[] {
      return [...socketOf.keys()];
    },

    /** Closes every event socket abruptly, as a network failure would. */
    dropAll(): number {
      const dropped = sockets.size;
      for (const socket of sockets) socket.terminate();
      return dropped;
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
