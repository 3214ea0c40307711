import { Router, type Request, type Response } from 'express';
import type { Call } from '../domain/call';
import type { Services } from '../services/services';
import { customerIdOf } from './authenticate';
import { presentCalls } from './call-views';

type Body = Record<string, unknown> | undefined;

/**
 * Media controls on a live call (as VoIPBIN documents them): POST starts, DELETE undoes; talk and
 * dtmf have nothing to undo. Each answers
 * the call as it is afterwards; every rule lives in the media control service.
 */
export function createCallMediaRouter(services: Pick<Services, 'media' | 'calls'>): Router {
  const router = Router();
  const { media } = services;

  const route = (path: string, method: 'post' | 'delete', act: (customerId: string, id: string, req: Request) => Promise<Call>) =>
    router[method](`/:id/${path}`, async (req: Request<{ id: string }>, res: Response) => {
      const customerId = customerIdOf(res);
      const call = await act(customerId, req.params.id, req);
      const [view] = await presentCalls([call], customerId, services.calls);
      res.json(view);
    });

  /** The body's direction, or `?direction=` for clients that send no body with DELETE. */
  const direction = (req: Request) => (req.body as Body)?.direction ?? req.query.direction;

  route('hold', 'post', (customerId, id) => media.hold(customerId, id, true));
  route('hold', 'delete', (customerId, id) => media.hold(customerId, id, false));
  route('moh', 'post', (customerId, id) => media.musicOnHold(customerId, id, true));
  route('moh', 'delete', (customerId, id) => media.musicOnHold(customerId, id, false));
  route('silence', 'post', (customerId, id) => media.silence(customerId, id, true));
  route('silence', 'delete', (customerId, id) => media.silence(customerId, id, false));
  route('mute', 'post', (customerId, id, req) => media.mute(customerId, id, direction(req), true));
  route('mute', 'delete', (customerId, id, req) => media.mute(customerId, id, direction(req), false));
  route('dtmf', 'post', (customerId, id, req) => media.sendDtmf(customerId, id, (req.body as Body) ?? {}));
  // Answers when the speech has started; the far end hears it on after the answer.
  route('talk', 'post', (customerId, id, req) => media.talk(customerId, id, (req.body as Body) ?? {}));

  return router;
}
