import { Router } from 'express';
import type { Metrics } from '../platform/metrics';
import { checkReadiness, type DependencyCheck } from '../platform/readiness';

/**
 * For orchestrators and monitoring, without credentials: /healthz says the process lives,
 * /readyz that it reaches what it needs (503 naming what it does not), /metrics for Prometheus.
 */
export function createOperationsRouter(checks: readonly DependencyCheck[], metrics: Metrics): Router {
  const router = Router();
  const alive = (_req: unknown, res: { json(body: unknown): void }) => res.json({ status: 'ok' });
  router.get('/healthz', alive);
  router.get('/health', alive);
  router.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(checks);
    const failing = Object.keys(readiness.checks).filter((name) => readiness.checks[name] !== 'ok');
    res.status(readiness.ready ? 200 : 503).json({ status: readiness.ready ? 'ready' : `unavailable: ${failing.join(', ')}`, checks: readiness.checks });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
