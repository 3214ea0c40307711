import { Router, type Request, type Response } from 'express';
import type { ProviderInput, RouteInput, RoutingService } from '../services/routing-service';
import { customerIdOf } from './authenticate';
import { dateCursorOf, listAnswer, pageRequestOf } from './paging';
import { presentProvider, presentRoute } from './routing.presenter';

const bodyOf = <T>(req: Request): T => (req.body ?? {}) as T;

/** `/v1.0/providers`: the platform administrator's only; anyone else gets 403. */
export function createProvidersRouter(routing: RoutingService): Router {
  const router = Router();
  router.post('/', async (req: Request, res: Response) => {
    res.json(presentProvider(await routing.createProvider(customerIdOf(res), bodyOf<ProviderInput>(req))));
  });
  router.get('/', async (req: Request, res: Response) => {
    const page = pageRequestOf(req);
    const providers = await routing.listProviders(customerIdOf(res), { pageSize: page.pageSize, after: dateCursorOf(page) });
    res.json(listAnswer(providers.map(presentProvider), providers.at(-1)?.tmCreate));
  });
  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentProvider(await routing.getProvider(customerIdOf(res), req.params.id)));
  });
  router.put('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentProvider(await routing.updateProvider(customerIdOf(res), req.params.id, bodyOf<ProviderInput>(req))));
  });
  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentProvider(await routing.deleteProvider(customerIdOf(res), req.params.id)));
  });
  return router;
}

/** `/v1.0/routes`: the platform administrator's only; `?customer_id=` lists one customer's (the all-zero UUID: the default ones). */
export function createRoutesRouter(routing: RoutingService): Router {
  const router = Router();
  router.post('/', async (req: Request, res: Response) => {
    res.json(presentRoute(await routing.createRoute(customerIdOf(res), bodyOf<RouteInput>(req))));
  });
  router.get('/', async (req: Request, res: Response) => {
    const page = pageRequestOf(req);
    const customerId = req.query.customer_id;
    const routes = await routing.listRoutes(customerIdOf(res), { pageSize: page.pageSize, after: dateCursorOf(page), ...(customerId === undefined ? {} : { customerId }) });
    res.json(listAnswer(routes.map(presentRoute), routes.at(-1)?.tmCreate));
  });
  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentRoute(await routing.getRoute(customerIdOf(res), req.params.id)));
  });
  router.put('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentRoute(await routing.updateRoute(customerIdOf(res), req.params.id, bodyOf<RouteInput>(req))));
  });
  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentRoute(await routing.deleteRoute(customerIdOf(res), req.params.id)));
  });
  return router;
}
