import { Router, type Request, type Response } from 'express';
import { AppError, invalidArgument } from '../domain/errors';
import type { Logger } from '../platform/logger';
import { authenticate, customerIdOf } from '../rest/authenticate';
import { jsonBody } from '../rest/json-body';
import { restErrorHandler } from '../rest/rest-errors';
import type { Services } from '../services/services';

const DTMF = /^[0-9A-D*#]{1,100}$/i;

/**
 * The far end of your own sandbox calls, played through the API: the simulator's /sim surface
 * has no authentication and knows nothing of customers, so the console goes through here, where
 * the call must be one of yours. Mounted only when the product runs on its simulator.
 */
export function createSandboxRouter(services: Services, simulatorUrl: string, logger: Logger): Router {
  const router = Router();
  router.get('/', (_req, res) => void res.json({ sandbox: true }));

  const channelOf = async (req: Request, res: Response): Promise<string> => (await services.calls.get(customerIdOf(res), req.params.id)).channelId;

  async function sim(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(new URL(`/sim${path}`, simulatorUrl), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
  }

  const farEnd = (action: string, bodyOf: (req: Request) => unknown = () => ({})) =>
    async (req: Request, res: Response) => {
      const channelId = await channelOf(req, res);
      const answer = await sim('POST', `/channels/${encodeURIComponent(channelId)}/${action}`, bodyOf(req));
      if (answer.status === 404) throw new AppError('CALL_ALREADY_HUNGUP', 'The far end of this call is gone.');
      if (answer.status >= 400) throw new AppError('CONCURRENT_CHANGE', `The far end cannot ${action} now: ${String((answer.json as { message?: string } | null)?.message ?? answer.status)}`);
      res.status(204).end();
    };

  router.use('/calls', authenticate(services.auth), jsonBody());
  router.get('/calls/:id', async (req, res) => {
    const answer = await sim('GET', `/channels/${encodeURIComponent(await channelOf(req, res))}`);
    res.json(answer.status === 200 ? { present: true, channel: answer.json } : { present: false, channel: null });
  });
  router.post('/calls/:id/answer', farEnd('answer'));
  router.post('/calls/:id/hangup', farEnd('hangup'));
  router.post(
    '/calls/:id/dtmf',
    farEnd('dtmf', (req) => {
      const digits = (req.body as { digits?: unknown }).digits;
      if (typeof digits !== 'string' || !DTMF.test(digits)) throw invalidArgument('digits', '1 to 100 of 0-9 A-D * #');
      return { digits };
    }),
  );
  router.use(restErrorHandler(logger));
  return router;
}
