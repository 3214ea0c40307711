import type { WebSocket } from 'ws';

/** The open /ari/events sockets, by Stasis application. */
export function createEventHub() {
  const sockets = new Map<string, Set<WebSocket>>();
  return {
    add(apps: string[], socket: WebSocket): void {
      for (const app of apps) {
        let set = sockets.get(app);
        if (!set) sockets.set(app, (set = new Set()));
        set.add(socket);
      }
      socket.on('close', () => {
        for (const app of apps) sockets.get(app)?.delete(socket);
      });
    },
    emit(app: string, event: Record<string, unknown>): void {
      const set = sockets.get(app);
      if (!set || set.size === 0) return;
      const frame = JSON.stringify({ ...event, asterisk_id: '02:fc:00:00:00:01', application: app });
      for (const socket of set) if (socket.readyState === socket.OPEN) socket.send(frame);
    },
    apps(): string[] {
      return [...sockets.entries()].filter(([, set]) => set.size > 0).map(([app]) => app);
    },
    /** Drops every event socket abruptly, as a network failure would (for reconnect tests). */
    dropAll(): number {
      let dropped = 0;
      for (const set of sockets.values()) {
        for (const socket of set) {
          socket.terminate();
          dropped++;
        }
      }
      return dropped;
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
