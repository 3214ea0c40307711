import { Router, type Request, type Response } from 'express';
import type { Services } from '../services/services';
import { customerIdOf } from './authenticate';
import { presentRecordings } from './recording-views';

/** `/v1.0/calls/{id}/recording_start|recording_stop|recordings`: recording a call. */
export function createCallRecordingsRouter(services: Pick<Services, 'recordings'>): Router {
  const router = Router();
  const { recordings } = services;

  router.post('/:id/recording_start', async (req: Request<{ id: string }>, res: Response) => {
    const recording = await recordings.start(customerIdOf(res), req.params.id, req.body);
    res.json(presentRecordings(req, [recording], recordings)[0]);
  });

  router.post('/:id/recording_stop', async (req: Request<{ id: string }>, res: Response) => {
    const recording = await recordings.stop(customerIdOf(res), req.params.id);
    res.json(presentRecordings(req, [recording], recordings)[0]);
  });

  router.get('/:id/recordings', async (req: Request<{ id: string }>, res: Response) => {
    const list = await recordings.ofCall(customerIdOf(res), req.params.id);
    res.json({ result: presentRecordings(req, list, recordings), next_page_token: '' });
  });

  return router;
}
