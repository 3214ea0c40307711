import { Router } from 'express';
import type { Logger } from '../platform/logger';
import type { Services } from '../services/services';

/** The VoIPBIN-compatible /v1.0 routes (filled in by the REST layer). */
export function createRestRouter(_services: Services, _logger: Logger): Router {
  return Router();
}
