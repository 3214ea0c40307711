import { Router, type Request, type Response } from 'express';
import { OPENAPI_DOCUMENT } from './openapi/document';

/** `GET /v1.0/openapi.json`: the document of this REST layer, without credentials. */
export function createOpenApiRouter(): Router {
  const router = Router();
  const body = JSON.stringify(OPENAPI_DOCUMENT);
  router.get('/openapi.json', (_req: Request, res: Response) => {
    res.type('application/json').send(body);
  });
  return router;
}
