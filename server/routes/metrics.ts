import crypto from 'node:crypto';
import { Router } from 'express';
import { AppError, notFound } from '../errors';
import type { Metrics } from '../metrics';

const sameSecret = (a: string, b: string) => {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
};

/**
 * GET /metrics for Prometheus, behind METRICS_TOKEN as a bearer token; without the setting
 * the route does not exist (404), so nothing about the process is public by default.
 */
export function metricsRouter(metrics: Metrics, token: string | null): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (!token) throw notFound('GET /metrics');
    const given = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!given || !sameSecret(given, token))
      throw new AppError(
        401,
        'unauthenticated',
        'Send the METRICS_TOKEN as a Bearer token.',
        undefined,
        {
          'WWW-Authenticate': 'Bearer realm="metrics"',
        },
      );
    res.setHeader('Cache-Control', 'no-store');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
