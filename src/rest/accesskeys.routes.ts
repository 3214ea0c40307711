import { Router, type Request, type Response } from 'express';
import type { AccessKey, AccessKeyService } from '../services/access-key-service';
import { customerIdOf } from './authenticate';
import { dateCursorOf, listAnswer, pageRequestOf } from './paging';
import { formatTime } from './voipbin-time';

const present = (key: AccessKey, token?: string) => ({
  id: key.id,
  customer_id: key.customerId,
  name: key.name,
  detail: key.detail,
  token_prefix: key.tokenPrefix,
  ...(token ? { token } : {}),
  tm_create: formatTime(key.tmCreate),
  tm_update: formatTime(key.tmUpdate),
  tm_expire: formatTime(key.tmExpire),
});

/** `/v1.0/accesskeys`: the caller's own keys; the token is in the create answer only. */
export function createAccessKeysRouter(accessKeys: AccessKeyService): Router {
  const router = Router();
  router.post('/', async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as { name?: unknown; detail?: unknown; expire?: unknown };
    const { accessKey, token } = await accessKeys.create(customerIdOf(res), { name: body.name, detail: body.detail, expireSeconds: body.expire });
    res.json(present(accessKey, token));
  });
  router.get('/', async (req: Request, res: Response) => {
    const request = pageRequestOf(req);
    const page = await accessKeys.list(customerIdOf(res), { pageSize: request.pageSize, after: dateCursorOf(request) });
    res.json(listAnswer(page.map((key) => present(key)), page.at(-1)?.tmCreate));
  });
  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(present(await accessKeys.get(customerIdOf(res), req.params.id)));
  });
  router.put('/:id', async (req: Request<{ id: string }>, res: Response) => {
    const body = (req.body ?? {}) as { name?: unknown; detail?: unknown };
    res.json(present(await accessKeys.update(customerIdOf(res), req.params.id, { name: body.name, detail: body.detail })));
  });

  router.post('/:id/expire', async (req: Request<{ id: string }>, res: Response) => {
    res.json(present(await accessKeys.expire(customerIdOf(res), req.params.id)));
  });
  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(present(await accessKeys.delete(customerIdOf(res), req.params.id)));
  });
  return router;
}
