import { Router, type Request, type Response } from 'express';
import type { CustomerInput, CustomerService } from '../services/customer-service';
import { customerIdOf } from './authenticate';
import { presentCustomer, presentCustomerChange } from './customer.presenter';
import { dateCursorOf, listAnswer, pageRequestOf } from './paging';

const inputOf = (req: Request): CustomerInput => (req.body ?? {}) as CustomerInput;

/** `/v1.0/customers`: the platform administrator's only; anyone else gets 403. */
export function createCustomersRouter(customers: CustomerService): Router {
  const router = Router();

  router.post('/', async (req: Request, res: Response) => {
    const { token, ...change } = await customers.create(customerIdOf(res), inputOf(req));
    res.json({ ...presentCustomerChange(change), accesskey: { token } });
  });

  router.get('/', async (req: Request, res: Response) => {
    const request = pageRequestOf(req);
    const page = await customers.list(customerIdOf(res), { pageSize: request.pageSize, after: dateCursorOf(request) });
    res.json(listAnswer(page.map((customer) => presentCustomer(customer)), page.at(-1)?.tmCreate));
  });

  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentCustomer(await customers.get(customerIdOf(res), req.params.id)));
  });

  router.put('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentCustomerChange(await customers.update(customerIdOf(res), req.params.id, inputOf(req))));
  });

  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentCustomer(await customers.delete(customerIdOf(res), req.params.id)));
  });

  return router;
}

/** `/v1.0/customer`: the caller's own customer (VoIPBIN's singular route). */
export function createOwnCustomerRouter(customers: CustomerService): Router {
  const router = Router();

  router.get('/', async (_req: Request, res: Response) => {
    res.json(presentCustomer(await customers.own(customerIdOf(res))));
  });

  router.put('/', async (req: Request, res: Response) => {
    res.json(presentCustomerChange(await customers.updateOwn(customerIdOf(res), inputOf(req))));
  });

  return router;
}
