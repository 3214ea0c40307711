import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router, type Response } from 'express';
import { WELCOME_PAGE } from './welcome-page';

/** Where `npm run build` puts the browser bundles (dist/web), found from this file in src/ or dist/src/. */
export function defaultWebAssetsDir(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'dist', 'web');
  }
  return path.resolve('dist', 'web');
}

const shell = (title: string, bundle: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · OpenCall</title>
<link rel="stylesheet" href="/assets/${bundle}.css">
</head>
<body>
<div id="root"></div>
<script type="module" src="/assets/${bundle}.js"></script>
</body>
</html>
`;

/**
 * The pages a person opens: the welcome page, the GraphQL explorer and the console, served from
 * the bundles the build made of web/ (no CDN: they work offline).
 */
export function createWebRouter(assetsDir: string): Router {
  const router = Router();
  const page = (title: string, bundle: string) => (_req: unknown, res: Response) => {
    if (!existsSync(path.join(assetsDir, `${bundle}.js`))) {
      res.status(503).type('text/plain').send(`The ${title.toLowerCase()} is not built: run \`npm run build\` (it bundles web/ into dist/web).`);
      return;
    }
    res.type('html').send(shell(title, bundle));
  };
  router.get('/', (_req, res) => void res.type('html').send(WELCOME_PAGE));
  router.get('/explorer', page('GraphQL explorer', 'explorer'));
  router.get(['/console', '/console/*rest'], page('Console', 'console'));
  // A browser that opens /graphql itself gets the explorer; clients posting queries go on to Apollo.
  router.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) res.redirect(302, '/explorer');
    else next();
  });
  router.use('/assets', express.static(assetsDir, { fallthrough: false, index: false }));
  return router;
}
