import { Router, type Request, type Response } from 'express';
import type { Services } from '../services/services';
import { customerIdOf } from './authenticate';
import { presentCalls } from './call-views';
import { presentRecordings } from './recording-views';

/** `/v1.0/calls/{id}/recording_start|recording_stop|recordings`: recording a call. */
export function createCallRecordingsRouter(services: Pick<Services, 'recordings' | 'calls'>): Router {
  const router = Router();
  const { recordings } = services;

  /** As VoIPBIN's document says: the call as it is afterwards (its recording_id names the recording). */
  async function answerCall(res: Response, customerId: string, callId: string): Promise<void> {
    const [view] = await presentCalls([await services.calls.get(customerId, callId)], customerId, services.calls);
    res.json(view);
  }

  router.post('/:id/recording_start', async (req: Request<{ id: string }>, res: Response) => {
    const customerId = customerIdOf(res);
    const recording = await recordings.start(customerId, req.params.id, req.body);
    await answerCall(res, customerId, recording.referenceId);
  });

  router.post('/:id/recording_stop', async (req: Request<{ id: string }>, res: Response) => {
    const customerId = customerIdOf(res);
    const recording = await recordings.stop(customerId, req.params.id);
    await answerCall(res, customerId, recording.referenceId);
  });

  router.get('/:id/recordings', async (req: Request<{ id: string }>, res: Response) => {
    const list = await recordings.ofCall(customerIdOf(res), req.params.id);
    res.json({ result: presentRecordings(req, list, recordings), next_page_token: '' });
  });

  return router;
}
