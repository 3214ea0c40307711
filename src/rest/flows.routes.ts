import { Router, type Request, type Response } from 'express';
import { invalidArgument } from '../domain/errors';
import type { FlowInput, FlowService } from '../services/flow-service';
import { customerIdOf } from './authenticate';
import { presentFlow } from './flow.presenter';
import { parsePageSize, parsePageToken } from './list-query';
import { formatMicros } from './voipbin-time';

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
    const cursor = parsePageToken(req.query.page_token);
    const after = cursor ? { tmCreate: new Date(Number((cursor.createdUs + 999n) / 1000n)), id: null } : undefined;
    const page = await flows.list(customerIdOf(res), { pageSize: parsePageSize(req.query.page_size), after });
    const last = page.at(-1);
    res.json({ result: page.map(presentFlow), next_page_token: last ? formatMicros(BigInt(last.tmCreate.getTime()) * 1000n) : '' });
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
