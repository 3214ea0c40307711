import { Router, type Request, type Response } from 'express';
import { renderReferencePage } from './openapi/reference-page';

/** `GET /reference/rest`: the REST reference, rendered from the OpenAPI document, needing nothing from elsewhere. */
export function createReferenceRouter(): Router {
  const router = Router();
  const page = renderReferencePage();
  router.get('/rest', (_req: Request, res: Response) => {
    // Nothing loads from anywhere: the page is its own HTML and inline style.
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
    res.type('html').send(page);
  });
  return router;
}
