import { Router, type Request, type Response } from 'express';
import type { Services } from '../services/services';
import { customerIdOf } from './authenticate';
import { createGroupcallInputFrom } from './create-calls.request';
import { presentGroupcall, presentGroupcallSnapshot } from './groupcall.presenter';
import { historyRoute } from './history.route';
import { listAnswer, microCursorOf, pageRequestOf } from './paging';

/** `/v1.0/groupcalls`: VoIPBIN's groupcall routes over GroupcallService. */
export function createGroupcallsRouter(services: Pick<Services, 'groupcalls' | 'events'>): Router {
  const router = Router();
  const { groupcalls } = services;

  router.post('/', async (req: Request, res: Response) => {
    res.json(presentGroupcall(await groupcalls.create(customerIdOf(res), createGroupcallInputFrom(req.body))));
  });

  router.get('/', async (req: Request, res: Response) => {
    const request = pageRequestOf(req);
    const page = await groupcalls.list(customerIdOf(res), { pageSize: request.pageSize, after: microCursorOf(request) });
    res.json(listAnswer(page.groupcalls.map(presentGroupcall), page.cursors.at(-1)?.createdUs));
  });

  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentGroupcall(await groupcalls.get(customerIdOf(res), req.params.id)));
  });

  /** The groupcall's own events in sequence order, as a call's history is answered. */
  router.get('/:id/events', historyRoute(services, (customerId, id) => groupcalls.get(customerId, id), presentGroupcallSnapshot));

  router.post('/:id/hangup', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentGroupcall(await groupcalls.hangup(customerIdOf(res), req.params.id)));
  });

  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentGroupcall(await groupcalls.delete(customerIdOf(res), req.params.id)));
  });

  return router;
}
