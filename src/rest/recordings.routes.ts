import { Router, type Request, type Response } from 'express';
import type { Services } from '../services/services';
import { customerIdOf } from './authenticate';
import { parsePageSize, parsePageToken } from './list-query';
import { presentRecordings } from './recording-views';
import { formatMicros } from './voipbin-time';

/** `/v1.0/recordings`: the customer's recordings, newest first, paged as VoIPBIN pages. */
export function createRecordingsRouter(services: Pick<Services, 'recordings'>): Router {
  const router = Router();
  const { recordings } = services;

  router.get('/', async (req: Request, res: Response) => {
    const page = await recordings.list(customerIdOf(res), { pageSize: parsePageSize(req.query.page_size), after: parsePageToken(req.query.page_token) });
    const last = page.cursors.at(-1);
    res.json({ result: presentRecordings(req, page.recordings, recordings), next_page_token: last ? formatMicros(last.createdUs) : '' });
  });

  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentRecordings(req, [await recordings.get(customerIdOf(res), req.params.id)], recordings)[0]);
  });

  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(presentRecordings(req, [await recordings.delete(customerIdOf(res), req.params.id)], recordings)[0]);
  });

  return router;
}
