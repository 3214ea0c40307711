import { Router, type Request, type Response } from 'express';
import type { Customer, CustomerService } from '../services/customer-service';
import { customerIdOf } from './authenticate';
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
  router.get('/', async (_req: Request, res: Response) => {
    res.json({ result: (await customers.list(customerIdOf(res))).map(present), next_page_token: '' });
  });
  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(present(await customers.get(customerIdOf(res), req.params.id)));
  });
  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(present(await customers.delete(customerIdOf(res), req.params.id)));
  });
  return router;
}
