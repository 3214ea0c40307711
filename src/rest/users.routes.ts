import { Router, type Request, type Response } from 'express';
import type { User, UserService } from '../services/user-service';
import { customerIdOf } from './authenticate';
import { formatTime } from './voipbin-time';

const present = (user: User) => ({ id: user.id, customer_id: user.customerId, username: user.username, tm_create: formatTime(user.tmCreate) });

/** `/v1.0/users`: the caller's own users (passwords never leave the service). */
export function createUsersRouter(users: UserService): Router {
  const router = Router();
  router.post('/', async (req: Request, res: Response) => {
    res.json(present(await users.create(customerIdOf(res), (req.body ?? {}) as { username?: unknown; password?: unknown })));
  });
  router.get('/', async (_req: Request, res: Response) => {
    res.json({ result: (await users.list(customerIdOf(res))).map(present), next_page_token: '' });
  });
  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(present(await users.delete(customerIdOf(res), req.params.id)));
  });
  return router;
}
