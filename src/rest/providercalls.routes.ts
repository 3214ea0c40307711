import { Router, type Request, type Response } from 'express';
import type { ProviderCallService } from '../services/provider-call-service';
import { customerIdOf } from './authenticate';
import { providerCallInputFrom } from './create-calls.request';
import { dateCursorOf, listAnswer, pageRequestOf } from './paging';
import { presentProviderCall } from './providercall.presenter';

/** `/v1.0/providercalls`: the platform administrator's test calls through one provider; anyone else gets 403. */
export function createProviderCallsRouter(providerCalls: ProviderCallService): Router {
  const router = Router();
  router.post('/', async (req: Request, res: Response) => {
    res.json(presentProviderCall(await providerCalls.create(customerIdOf(res), providerCallInputFrom(req.body))));
  });
  router.get('/', async (req: Request, res: Response) => {
    const page = pageRequestOf(req);
    const providerId = req.query.provider_id;
    const found = await providerCalls.list(customerIdOf(res), { pageSize: page.pageSize, after: dateCursorOf(page), ...(providerId === undefined ? {} : { providerId }) });
    res.json(listAnswer(found.map(presentProviderCall), found.at(-1)?.tmCreate));
  });
  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentProviderCall(await providerCalls.get(customerIdOf(res), req.params.id)));
  });
  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentProviderCall(await providerCalls.delete(customerIdOf(res), req.params.id)));
  });
  return router;
}
