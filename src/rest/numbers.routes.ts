import { Router, type Request, type Response } from 'express';
import { invalidArgument } from '../domain/errors';
import type { NumberInput, NumberService, PhoneNumber } from '../services/number-service';
import { ZERO_UUID } from '../services/ids';
import { customerIdOf } from './authenticate';
import { dateCursorOf, listAnswer, pageRequestOf } from './paging';
import { formatTime } from './voipbin-time';

/** VoIPBIN's number fields; `flow_id` repeats call_flow_id under the documentation's name. */
export const presentNumber = (number: PhoneNumber) => ({
  id: number.id,
  customer_id: number.customerId,
  number: number.number,
  call_flow_id: number.callFlowId ?? ZERO_UUID,
  flow_id: number.callFlowId ?? ZERO_UUID,
  message_flow_id: number.messageFlowId ?? ZERO_UUID,
  name: number.name,
  detail: number.detail,
  status: number.status,
  // Not features of this product: VoIPBIN's clients read them, and false is the truth.
  t38_enabled: false,
  emergency_enabled: false,
  tm_create: formatTime(number.tmCreate),
  tm_update: formatTime(number.tmUpdate),
  tm_delete: formatTime(number.tmDelete),
});

/** The body as the service's input; `flow_id` (the documentation's name) stands for call_flow_id. */
function numberInputFrom(body: unknown): NumberInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidArgument('body', 'must be a JSON object');
  const fields = body as Record<string, unknown>;
  return {
    number: fields.number,
    callFlowId: fields.call_flow_id !== undefined ? fields.call_flow_id : fields.flow_id,
    messageFlowId: fields.message_flow_id,
    name: fields.name,
    detail: fields.detail,
  };
}

/** `/v1.0/numbers`: the customer's phone numbers and the flow their incoming calls run. */
export function createNumbersRouter(numbers: NumberService): Router {
  const router = Router();
  router.post('/', async (req: Request, res: Response) => {
    res.json(presentNumber(await numbers.create(customerIdOf(res), numberInputFrom(req.body))));
  });
  router.get('/', async (req: Request, res: Response) => {
    const request = pageRequestOf(req);
    const page = await numbers.list(customerIdOf(res), { pageSize: request.pageSize, after: dateCursorOf(request) });
    res.json(listAnswer(page.map(presentNumber), page.at(-1)?.tmCreate));
  });
  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentNumber(await numbers.get(customerIdOf(res), req.params.id)));
  });
  router.put('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentNumber(await numbers.update(customerIdOf(res), req.params.id, numberInputFrom(req.body))));
  });
  // VoIPBIN's route for the flows alone: only call_flow_id and message_flow_id are read.
  router.put('/:id/flow_ids', async (req: Request<{ id: string }>, res: Response) => {
    const { callFlowId, messageFlowId } = numberInputFrom(req.body);
    res.json(presentNumber(await numbers.update(customerIdOf(res), req.params.id, { callFlowId, messageFlowId })));
  });

  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentNumber(await numbers.delete(customerIdOf(res), req.params.id)));
  });
  return router;
}
