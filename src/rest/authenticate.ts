import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { credentialOf } from '../platform/credentials';
import type { AuthService, Principal } from '../services/auth-service';

/** Finds the access key where VoIPBIN clients put it and sets `res.locals.customerId`; 401 otherwise. */
export function authenticate(auth: Pick<AuthService, 'authenticate'>): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const principal = await auth.authenticate(credentialOf(req.headers, req.originalUrl));
    res.locals.customerId = principal.customerId;
    res.locals.principal = principal;
    next();
  };
}

/** The principal (customer and credential) of a request that went through `authenticate`. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('principalOf used on a route without authenticate');
  return principal;
}

/** The authenticated customer of a request that went through `authenticate`. */
export function customerIdOf(res: Response): string {
  const customerId: unknown = res.locals.customerId;
  if (typeof customerId !== 'string') throw new Error('customerIdOf used on a route without authenticate');
  return customerId;
}
