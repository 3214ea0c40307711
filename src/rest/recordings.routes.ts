import { Router, type Request, type Response } from 'express';
import type { Services } from '../services/services';
import { customerIdOf } from './authenticate';
import { listAnswer, microCursorOf, pageRequestOf } from './paging';
import { presentRecordings } from './recording-views';

/** `/v1.0/recordings`: the customer's recordings, newest first, paged as VoIPBIN pages. */
export function createRecordingsRouter(services: Pick<Services, 'recordings'>): Router {
  const router = Router();
  const { recordings } = services;

  router.get('/', async (req: Request, res: Response) => {
    const request = pageRequestOf(req);
    const page = await recordings.list(customerIdOf(res), { pageSize: request.pageSize, after: microCursorOf(request) });
    res.json(listAnswer(presentRecordings(req, page.recordings, recordings), page.cursors.at(-1)?.createdUs));
  });

  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentRecordings(req, [await recordings.get(customerIdOf(res), req.params.id)], recordings)[0]);
  });

  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentRecordings(req, [await recordings.delete(customerIdOf(res), req.params.id)], recordings)[0]);
  });

  return router;
}
