import { Router } from 'express';
import type { Logger } from '../platform/logger';
import type { Services } from '../services/services';
import { authenticate } from './authenticate';
import { createAccessKeysRouter } from './accesskeys.routes';
import { createActiveflowsRouter } from './activeflows.routes';
import { createCallRecordingsRouter } from './call-recordings.routes';
import { createCallsRouter } from './calls.routes';
import { createCustomersRouter } from './customers.routes';
import { createFlowsRouter } from './flows.routes';
import { createGroupcallsRouter } from './groupcalls.routes';
import { createNumbersRouter } from './numbers.routes';
import { createRecordingFilesRouter } from './recordingfiles.routes';
import { createRecordingsRouter } from './recordings.routes';
import { createUsersRouter } from './users.routes';
import { createWebhooksRouter } from './webhooks.routes';
import { jsonBody } from './json-body';
import { restErrorHandler, routeNotFound } from './rest-errors';

/**
 * The VoIPBIN-compatible /v1.0 routes. Authentication comes before the body is read; a path no
 * route takes answers 404 with or without credentials; every error leaves through one handler.
 */
export function createRestRouter(services: Services, logger: Logger): Router {
  const router = Router();
  router.use('/calls', authenticate(services.auth), jsonBody(), createCallsRouter(services), createCallRecordingsRouter(services));
  router.use('/groupcalls', authenticate(services.auth), jsonBody(), createGroupcallsRouter(services));
  router.use('/recordings', authenticate(services.auth), jsonBody(), createRecordingsRouter(services));
  router.use('/recordingfiles', createRecordingFilesRouter(services));
  router.use('/customers', authenticate(services.auth), jsonBody(), createCustomersRouter(services.customers));
  router.use('/users', authenticate(services.auth), jsonBody(), createUsersRouter(services.users));
  router.use('/accesskeys', authenticate(services.auth), jsonBody(), createAccessKeysRouter(services.accessKeys));
  router.use('/activeflows', authenticate(services.auth), jsonBody(), createActiveflowsRouter(services));
  router.use('/flows', authenticate(services.auth), jsonBody(), createFlowsRouter(services.flows));
  router.use('/numbers', authenticate(services.auth), jsonBody(), createNumbersRouter(services.numbers));
  router.use('/webhooks', authenticate(services.auth), jsonBody(), createWebhooksRouter(services.webhooks));
  router.use(routeNotFound);
  router.use(restErrorHandler(logger));
  return router;
}
