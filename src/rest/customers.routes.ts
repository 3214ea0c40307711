import { Router, type Request, type Response } from 'express';
import type { Customer, CustomerService } from '../services/customer-service';
import { customerIdOf } from './authenticate';
import { dateCursorOf, listAnswer, pageRequestOf } from './paging';
import { formatTime } from './voipbin-time';

const present = (customer: Customer) => ({
  id: customer.id,
  name: customer.name,
  tm_create: formatTime(customer.tmCreate),
  tm_delete: formatTime(customer.tmDelete),
});

/** `/v1.0/customers`: the platform administrator's only; anyone else gets 403. */
export function createCustomersRouter(customers: CustomerService): Router {
  const router = Router();
  router.post('/', async (req: Request, res: Response) => {
    const { customer, token } = await customers.create(customerIdOf(res), (req.body ?? {}) as { name?: unknown });
    res.json({ ...present(customer), accesskey: { token } });
  });
  router.get('/', async (req: Request, res: Response) => {
    const request = pageRequestOf(req);
    const page = await customers.list(customerIdOf(res), { pageSize: request.pageSize, after: dateCursorOf(request) });
    res.json(listAnswer(page.map(present), page.at(-1)?.tmCreate));
  });
  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(present(await customers.get(customerIdOf(res), req.params.id)));
  });
  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(present(await customers.delete(customerIdOf(res), req.params.id)));
  });
  return router;
}
