import type { Request, Response } from 'express';
import type { Services } from '../services/services';
import { customerIdOf } from './authenticate';
import { presentHistory } from './history.presenter';

/**
 * `GET …/{id}/events` of calls, groupcalls and transfers: the resource is read as its owner's
 * first (another customer's answers 404, as its GET does), then its events with their snapshots.
 * Both are read per request: a router is built before its services are all there.
 */
export const historyRoute =
  <T>(services: Pick<Services, 'events'>, getOwned: (customerId: string, id: string) => Promise<{ id: string }>, presentSnapshot: (payload: Record<string, unknown>) => T) =>
  async (req: Request<{ id: string }>, res: Response): Promise<void> => {
    const customerId = customerIdOf(res);
    const resource = await getOwned(customerId, req.params.id);
    res.json(presentHistory(await services.events.history(customerId, resource.id), presentSnapshot));
  };
