import { Router, type Request, type Response } from 'express';
import type { Call } from '../domain/call';
import type { Services } from '../services/services';
import { customerIdOf } from './authenticate';
import { historyRoute } from './history.route';
import { presentCallSnapshot } from './call.presenter';
import { createCallMediaRouter } from './call-media.routes';
import { presentCalls } from './call-views';
import { createCallsInputFrom } from './create-calls.request';
import { listAnswer, microCursorOf, pageRequestOf } from './paging';

/** `/v1.0/calls`: VoIPBIN's call routes over CallService; every rule lives in the service. */
export function createCallsRouter(services: Pick<Services, 'calls' | 'events' | 'media'>): Router {
  const router = Router();
  router.use(createCallMediaRouter(services));
  const present = (calls: readonly Call[], customerId: string) => presentCalls(calls, customerId, services.calls);

  /** One call, as the single JSON object the id routes answer. */
  async function answerOne(res: Response, customerId: string, call: Call): Promise<void> {
    const [view] = await present([call], customerId);
    res.json(view);
  }

  router.post('/', async (req: Request, res: Response) => {
    const customerId = customerIdOf(res);
    const created = await services.calls.create(customerId, createCallsInputFrom(req.body));
    // VoIPBIN's service and clients: calls and groupcalls (none until groupcalls are served).
    res.json({ calls: await present(created, customerId), groupcalls: [] });
  });

  router.get('/', async (req: Request, res: Response) => {
    const customerId = customerIdOf(res);
    const request = pageRequestOf(req);
    const page = await services.calls.list(customerId, { pageSize: request.pageSize, after: microCursorOf(request) });
    res.json(listAnswer(await present(page.calls, customerId), page.cursors.at(-1)?.createdUs));
  });

  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    const customerId = customerIdOf(res);
    await answerOne(res, customerId, await services.calls.get(customerId, req.params.id));
  });

  router.get('/:id/events', historyRoute(services, (customerId, id) => services.calls.get(customerId, id), presentCallSnapshot));

  router.post('/:id/hangup', async (req: Request<{ id: string }>, res: Response) => {
    const customerId = customerIdOf(res);
    await answerOne(res, customerId, await services.calls.hangup(customerId, req.params.id));
  });

  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    const customerId = customerIdOf(res);
    await answerOne(res, customerId, await services.calls.delete(customerId, req.params.id));
  });

  return router;
}
