import type { RequestHandler } from 'express';
import type { Metrics } from '../platform/metrics';

/** Times every request, labelled by the route pattern it matched (never the raw path: ids would explode the series). */
export const requestMetrics = (metrics: Metrics): RequestHandler => (req, res, next) => {
  const end = metrics.httpDuration.startTimer();
  res.on('finish', () => {
    const pattern = (req.route as { path?: unknown } | undefined)?.path;
    const route = typeof pattern === 'string' ? `${req.baseUrl}${pattern}`.replace(/(.)\/$/, '$1') : req.baseUrl || 'unmatched';
    end({ method: req.method, route, status: String(res.statusCode) });
  });
  next();
};
