import { Router, type Request, type Response } from 'express';
import type { Services } from '../services/services';
import { customerIdOf } from './authenticate';
import { presentActiveflow } from './activeflow.presenter';
import { listAnswer, pageRequestOf } from './paging';

/** `/v1.0/activeflows`: the flow executions of the customer's calls. */
export function createActiveflowsRouter(services: Pick<Services, 'activeflows'>): Router {
  const router = Router();

  router.get('/', async (req: Request, res: Response) => {
    const request = pageRequestOf(req);
    const page = await services.activeflows.list(customerIdOf(res), request.pageSize, request.beforeUs ?? null);
    res.json(listAnswer(page.activeflows.map(presentActiveflow), page.createdUs.at(-1)));
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
