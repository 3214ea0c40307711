import type { NextFunction, Request, Response } from 'express';
import { badRequest } from './sim-error';

/** `METHOD /path-prefix` under /ari, e.g. `POST /bridges` (every bridge request that is a POST). */
const STALL = /^(GET|POST|PUT|DELETE) (\/\S*)$/;

/**
 * A hung Asterisk for the requests a test names (`/sim/settings {"stall_ari": "POST /bridges"}`):
 * they get no answer while the setting is on, and their connections drop when it is turned off
 * (null), as a hung server's do when it goes. What the product does meanwhile (its request
 * timeout, ARI_REQUEST_TIMEOUT_MS) is what the test looks at.
 */
export function createAriStalls() {
  let stall: { method: string; prefix: string } | null = null;
  const held = new Set<Response>();
  /** Requests stalled since the stall was set (a client that gave one up and sent it again: two). */
  let stalled = 0;

  const drop = () => {
    for (const res of held) res.socket?.destroy();
    held.clear();
  };

  return {
    /** Holds a matching ARI request (mounted before the ARI routes). */
    middleware(req: Request, res: Response, next: NextFunction): void {
      if (!stall || req.method !== stall.method || !req.path.startsWith(stall.prefix)) return next();
      stalled++;
      held.add(res);
      res.on('close', () => held.delete(res));
    },

    set(value: unknown): void {
      if (value === null) {
        stall = null;
        return drop();
      }
      const parts = typeof value === 'string' ? STALL.exec(value) : null;
      if (!parts) throw badRequest("stall_ari: 'METHOD /path-prefix' (e.g. 'POST /bridges') or null");
      stall = { method: parts[1] as string, prefix: parts[2] as string };
      stalled = 0;
    },

    get value(): string | null {
      return stall ? `${stall.method} ${stall.prefix}` : null;
    },

    get stalledCount(): number {
      return stalled;
    },

    closeAll(): void {
      stall = null;
      drop();
    },
  };
}
