import { Router, type Request, type Response } from 'express';
import { invalidArgument } from '../domain/errors';
import type { FlowInput, FlowService } from '../services/flow-service';
import { customerIdOf } from './authenticate';
import { presentFlow } from './flow.presenter';
import { dateCursorOf, listAnswer, pageRequestOf } from './paging';

/** The body of POST/PUT as the service's input; the service validates every value. */
function flowInputFrom(body: unknown): FlowInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidArgument('body', 'must be a JSON object');
  const { name, detail, actions, on_complete_flow_id: onCompleteFlowId } = body as Record<string, unknown>;
  return { name, detail, actions, onCompleteFlowId };
}

/** `/v1.0/flows`: a customer's saved flows (a call's temporary flow is readable by id only). */
export function createFlowsRouter(flows: FlowService): Router {
  const router = Router();
  router.post('/', async (req: Request, res: Response) => {
    res.json(presentFlow(await flows.create(customerIdOf(res), flowInputFrom(req.body))));
  });
  router.get('/', async (req: Request, res: Response) => {
    const request = pageRequestOf(req);
    const page = await flows.list(customerIdOf(res), { pageSize: request.pageSize, after: dateCursorOf(request) });
    res.json(listAnswer(page.map(presentFlow), page.at(-1)?.tmCreate));
  });
  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentFlow(await flows.get(customerIdOf(res), req.params.id)));
  });
  router.put('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentFlow(await flows.update(customerIdOf(res), req.params.id, flowInputFrom(req.body))));
  });
  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentFlow(await flows.delete(customerIdOf(res), req.params.id)));
  });
  return router;
}
