import { Router } from 'express';
import { z } from 'zod';
import { actorOf, requireUser } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { searchArticles, type SearchDeps } from '../services/search/search';

const searchQuery = z
  .object({
    q: z.string().max(1000, 'The query is too long.').default(''),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    department: z.string().max(64).optional(),
    product: z.string().max(80).optional(),
    contactId: z.coerce.number().int().positive().optional(),
  })
  .strict();

export function searchRouter(deps: SearchDeps): Router {
  const router = Router();
  router.get('/', requireUser, async (req, res) => {
    const input = parse(searchQuery, req.query);
    const result = await searchArticles(deps, actorOf(req), input);
    res.json({
      data: {
        query: input.q,
        total: result.total,
        tookMs: result.tookMs,
        hits: result.hits,
        facets: result.facets,
      },
    });
  });
  return router;
}
