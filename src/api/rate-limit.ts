import type { NextFunction, Request, Response } from 'express';
import { AppError, ERROR_TABLE } from '../domain/errors';
import type { RateLimit, RateLimiter } from '../platform/rate-limiter';
import type { AuthService } from '../services/auth-service';

export interface RateLimits {
  limiter: RateLimiter;
  perCustomer: RateLimit;
  perIp: RateLimit;
}

/** Counts every request of a client IP; past the limit, 429 with Retry-After in the surface's own error shape. */
export function limitPerIp({ limiter, perIp }: RateLimits) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      limiter.hit(`ip:${req.socket.remoteAddress ?? 'unknown'}`, perIp);
      next();
    } catch (error) {
      if (!(error instanceof AppError)) return next(error);
      res.setHeader('Retry-After', String(error.retryAfterSeconds ?? 1));
      const status = ERROR_TABLE[error.code].http;
      if (req.baseUrl === '/graphql') {
        res.status(status).json({ errors: [{ message: error.message, extensions: { code: ERROR_TABLE[error.code].graphql } }] });
      } else {
        res.status(status).json({ error: { status: ERROR_TABLE[error.code].status, reason: error.code, message: error.message, request_id: String(res.locals.requestId ?? '') } });
      }
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
