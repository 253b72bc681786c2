import { Router } from 'express';
import { z } from 'zod';
import { requireUser } from '../middleware/auth';
import { parse } from '../middleware/validate';
import type { SearchIndex } from '../search/searchIndex';

const searchQuery = z
  .object({
    q: z.string().max(1000, 'The query is too long.').default(''),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    department: z.string().max(64).optional(),
  })
  .strict();

export function searchRouter(search: SearchIndex): Router {
  const router = Router();
  router.get('/', requireUser, (req, res) => {
    const { q, limit, department } = parse(searchQuery, req.query);
    const started = performance.now();
    const result = search.query(q, { role: req.user!.role, limit, department });
    const tookMs = Math.round((performance.now() - started) * 100) / 100;
    res.json({ data: { query: q, total: result.total, tookMs, hits: result.hits } });
  });
  return router;
}
