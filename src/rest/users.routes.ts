import { Router, type Request, type Response } from 'express';
import type { User, UserService } from '../services/user-service';
import { customerIdOf } from './authenticate';
import { dateCursorOf, listAnswer, pageRequestOf } from './paging';
import { formatTime } from './voipbin-time';

const present = (user: User) => ({ id: user.id, customer_id: user.customerId, username: user.username, tm_create: formatTime(user.tmCreate) });

/** `/v1.0/users`: the caller's own users (passwords never leave the service). */
export function createUsersRouter(users: UserService): Router {
  const router = Router();
  router.post('/', async (req: Request, res: Response) => {
    res.json(present(await users.create(customerIdOf(res), (req.body ?? {}) as { username?: unknown; password?: unknown })));
  });
  router.get('/', async (req: Request, res: Response) => {
    const request = pageRequestOf(req);
    const page = await users.list(customerIdOf(res), { pageSize: request.pageSize, after: dateCursorOf(request) });
    res.json(listAnswer(page.map(present), page.at(-1)?.tmCreate));
  });
  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(present(await users.delete(customerIdOf(res), req.params.id)));
  });
  return router;
}
