import { Router, type RequestHandler } from 'express';
import type { Logger } from '../platform/logger';
import type { Services } from '../services/services';
import { authenticate } from './authenticate';
import { createAccessKeysRouter } from './accesskeys.routes';
import { createActiveflowsRouter } from './activeflows.routes';
import { createCallRecordingsRouter } from './call-recordings.routes';
import { createCallsRouter } from './calls.routes';
import { createCustomersRouter, createOwnCustomerRouter } from './customers.routes';
import { createFlowsRouter } from './flows.routes';
import { createGroupcallsRouter } from './groupcalls.routes';
import { createMeRouter } from './me.routes';
import { createNumbersRouter } from './numbers.routes';
import { createOpenApiRouter } from './openapi.routes';
import { createRecordingFilesRouter } from './recordingfiles.routes';
import { createRecordingsRouter } from './recordings.routes';
import { createTimelinesRouter } from './timelines.routes';
import { createProviderCallsRouter } from './providercalls.routes';
import { createProvidersRouter, createRoutesRouter } from './routing.routes';
import { createUsersRouter } from './users.routes';
import { createWebhooksRouter } from './webhooks.routes';
import { createCallTransferRouter, createTransfersRouter } from './transfers.routes';
import { jsonBody } from './json-body';
import { restErrorHandler, routeNotFound } from './rest-errors';
import { mount } from './served-routes';

/**
 * The VoIPBIN-compatible /v1.0 routes. Authentication comes before the body is read; a path no
 * route takes answers 404 with or without credentials; every error leaves through one handler.
 */
export function createRestRouter(services: Services, logger: Logger): Router {
  const router = Router();
  const guarded = (...handlers: RequestHandler[]) => [authenticate(services.auth), ...jsonBody(), ...handlers];
  mount(router, '/', createOpenApiRouter());
  mount(router, '/calls', ...guarded(createCallsRouter(services), createCallRecordingsRouter(services), createCallTransferRouter(services)));
  mount(router, '/groupcalls', ...guarded(createGroupcallsRouter(services)));
  mount(router, '/recordings', ...guarded(createRecordingsRouter(services)));
  mount(router, '/recordingfiles', createRecordingFilesRouter(services));
  mount(router, '/customers', ...guarded(createCustomersRouter(services.customers)));
  mount(router, '/customer', ...guarded(createOwnCustomerRouter(services.customers)));
  mount(router, '/providers', ...guarded(createProvidersRouter(services.routing)));
  mount(router, '/routes', ...guarded(createRoutesRouter(services.routing)));
  mount(router, '/providercalls', ...guarded(createProviderCallsRouter(services.providerCalls)));
  mount(router, '/me', ...guarded(createMeRouter(services.auth)));
  mount(router, '/users', ...guarded(createUsersRouter(services.users)));
  mount(router, '/accesskeys', ...guarded(createAccessKeysRouter(services.accessKeys)));
  mount(router, '/activeflows', ...guarded(createActiveflowsRouter(services)));
  mount(router, '/flows', ...guarded(createFlowsRouter(services.flows)));
  mount(router, '/numbers', ...guarded(createNumbersRouter(services.numbers)));
  mount(router, '/timelines', ...guarded(createTimelinesRouter(services)));
  mount(router, '/transfers', ...guarded(createTransfersRouter(services)));
  mount(router, '/webhooks', ...guarded(createWebhooksRouter(services.webhooks)));
  router.use(routeNotFound);
  router.use(restErrorHandler(logger));
  return router;
}
