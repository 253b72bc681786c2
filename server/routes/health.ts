import { Router } from 'express';
import type { Database } from '../db/connection';
import { publicRoute } from '../middleware/auth';

export function healthRouter(db: Database): Router {
  const router = Router();
  router.get('/healthz', publicRoute, async (_req, res) => {
    try {
      await db.get('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  return router;
}
