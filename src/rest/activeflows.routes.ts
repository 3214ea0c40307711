import { Router, type Request, type Response } from 'express';
import type { Services } from '../services/services';
import { customerIdOf } from './authenticate';
import { presentActiveflow } from './activeflow.presenter';
import { parsePageSize, parsePageToken } from './list-query';
import { formatMicros } from './voipbin-time';

/** `/v1.0/activeflows`: the flow executions of the customer's calls. */
export function createActiveflowsRouter(services: Pick<Services, 'activeflows'>): Router {
  const router = Router();

  router.get('/', async (req: Request, res: Response) => {
    const token = parsePageToken(req.query.page_token);
    const page = await services.activeflows.list(customerIdOf(res), parsePageSize(req.query.page_size), token?.createdUs ?? null);
    const last = page.createdUs.at(-1);
    res.json({ result: page.activeflows.map(presentActiveflow), next_page_token: last === undefined ? '' : formatMicros(last) });
  });

  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentActiveflow(await services.activeflows.get(customerIdOf(res), req.params.id)));
  });

  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    await services.activeflows.delete(customerIdOf(res), req.params.id);
    res.status(204).end();
  });

  router.post('/:id/stop', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentActiveflow(await services.activeflows.stop(customerIdOf(res), req.params.id)));
  });

  return router;
}
