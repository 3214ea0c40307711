import { Router, type Request, type Response } from 'express';
import { AppError, invalidArgument } from '../domain/errors';
import type { Services } from '../services/services';
import { customerIdOf } from './authenticate';
import { presentEventData } from './event-data.presenter';
import { listAnswerWith, pageSizeParamOf, pageTokenParamOf } from './paging';
import { formatTime } from './voipbin-time';

/** The resource kinds with a timeline here; VoIPBIN also has conferences and flows. */
const KINDS = ['calls', 'activeflows'] as const;

function afterSequence(value: string): number {
  if (value === '') return 0;
  if (!/^[0-9]{1,9}$/.test(value)) throw invalidArgument('page_token', 'must be the next_page_token of the previous page');
  return Number(value);
}

/**
 * `GET /v1.0/timelines/{resource_type}/{resource_id}/events`: VoIPBIN's timeline of a resource,
 * oldest first, each event with the resource as it was right after it (as webhooks carry it).
 */
export function createTimelinesRouter(services: Pick<Services, 'calls' | 'activeflows' | 'events' | 'recordings'>): Router {
  const router = Router();
  router.get('/:resource_type/:resource_id/events', async (req: Request<{ resource_type: string; resource_id: string }>, res: Response) => {
    const customerId = customerIdOf(res);
    const { resource_type: kind, resource_id: id } = req.params;
    if (!(KINDS as readonly string[]).includes(kind)) throw new AppError('ROUTE_NOT_FOUND', `There is no timeline of ${kind.slice(0, 40)}; there are ${KINDS.join(' and ')}.`);
    const pageSize = pageSizeParamOf(req);
    const after = afterSequence(pageTokenParamOf(req));
    const owner = kind === 'calls' ? await services.calls.get(customerId, id) : await services.activeflows.get(customerId, id);
    const page = (await services.events.history(customerId, owner.id, after)).slice(0, pageSize);
    const result = page.map((event) => ({ timestamp: formatTime(new Date(event.tmCreate)), event_type: event.type, data: presentEventData(event, services.recordings) }));
    res.json(listAnswerWith(result, String(page.at(-1)?.sequence ?? '')));
  });
  return router;
}
