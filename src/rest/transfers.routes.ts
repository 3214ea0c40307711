import { Router, type Request, type Response } from 'express';
import type { Services } from '../services/services';
import { customerIdOf } from './authenticate';
import { listAnswer, microCursorOf, pageRequestOf } from './paging';
import { historyRoute } from './history.route';
import { presentTransfer, presentTransferSnapshot, presentVoipbinTransfer } from './transfer.presenter';
import { idempotencyKeyOf, transferInputFrom, voipbinTransferInputFrom } from './transfer.request';

/** `POST /v1.0/calls/{id}/transfer`: the transferer's call hands its caller over. */
export function createCallTransferRouter(services: Pick<Services, 'transfers'>): Router {
  const router = Router();
  router.post('/:id/transfer', async (req: Request<{ id: string }>, res: Response) => {
    const transfer = await services.transfers.start(customerIdOf(res), req.params.id, transferInputFrom(req.body), idempotencyKeyOf(req.headers['idempotency-key']));
    const shown = presentTransfer(transfer);
    res.json({ transfer_id: transfer.id, consult_call_id: shown.consult_call_id, status: transfer.status, transfer: shown });
  });
  return router;
}

/** `/v1.0/transfers`: the customer's transfers (newest first), complete and cancel, and VoIPBIN's create. */
export function createTransfersRouter(services: Pick<Services, 'transfers' | 'events'>): Router {
  const router = Router();
  const { transfers } = services;

  router.post('/', async (req: Request, res: Response) => {
    const { transfererCallId, input } = voipbinTransferInputFrom(req.body);
    res.json(presentVoipbinTransfer(await transfers.start(customerIdOf(res), transfererCallId, input, idempotencyKeyOf(req.headers['idempotency-key']))));
  });

  router.get('/', async (req: Request, res: Response) => {
    const request = pageRequestOf(req);
    const page = await transfers.list(customerIdOf(res), { pageSize: request.pageSize, after: microCursorOf(request) });
    res.json(listAnswer(page.transfers.map(presentTransfer), page.cursors.at(-1)?.createdUs));
  });

  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentTransfer(await transfers.get(customerIdOf(res), req.params.id)));
  });

  /** The transfer's history: each change with the transfer as it was right after it. */
  router.get('/:id/events', historyRoute(services, (customerId, id) => transfers.get(customerId, id), presentTransferSnapshot));

  router.post('/:id/complete', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentTransfer(await transfers.complete(customerIdOf(res), req.params.id)));
  });

  router.post('/:id/cancel', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentTransfer(await transfers.cancel(customerIdOf(res), req.params.id)));
  });

  return router;
}
