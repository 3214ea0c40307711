import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { RateLimit, RateLimiter } from '../platform/rate-limiter';
import type { AuthService } from '../services/auth-service';

export interface RateLimits {
  limiter: RateLimiter;
  perCustomer: RateLimit;
  perIp: RateLimit;
}

/** Counts one request (or WebSocket upgrade) of a client IP; throws RATE_LIMITED past the limit. */
export const hitPerIp = ({ limiter, perIp }: RateLimits, req: IncomingMessage): void => limiter.hit(`ip:${req.socket.remoteAddress ?? 'unknown'}`, perIp);

/** Every request of a client IP is counted; past the limit the surface's error handler answers 429. */
export function limitPerIp(limits: RateLimits) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    try {
      hitPerIp(limits, req);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Authentication that also counts the request against the customer's limit, on every surface. */
export function limitPerCustomer(auth: AuthService, { limiter, perCustomer }: RateLimits): AuthService {
  return {
    ...auth,
    async authenticate(token) {
      const principal = await auth.authenticate(token);
      limiter.hit(`customer:${principal.customerId}`, perCustomer);
      return principal;
    },
  };
}
