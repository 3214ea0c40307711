import { Router, type Request, type Response } from 'express';
import type { Logger } from '../platform/logger';
import type { AuthService } from '../services/auth-service';
import { jsonBody } from './json-body';
import { restErrorHandler } from './rest-errors';
import { formatTime } from './voipbin-time';

/** `POST /auth/login` {username, password} → {token, expire}: a JWT for the other routes. */
export function createLoginRouter(auth: Pick<AuthService, 'login'>, logger: Logger): Router {
  const router = Router();
  router.post('/login', jsonBody(), async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as { username?: unknown; password?: unknown };
    const { token, expiresAt } = await auth.login(body.username, body.password);
    res.json({ username: body.username, token, expire: formatTime(expiresAt) });
  });
  router.use(restErrorHandler(logger));
  return router;
}
