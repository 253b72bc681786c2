import { Router } from 'express';
import { searchQuery } from '../contract/search';
import { actorOf, requireUser, tokenScope } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { searchArticles, type SearchDeps } from '../services/search/search';

export function searchRouter(deps: SearchDeps): Router {
  const router = Router();
  router.get('/', tokenScope('search:read'), requireUser, async (req, res) => {
    const input = parse(searchQuery, req.query);
    const result = await searchArticles(deps, actorOf(req), input);
    res.json({
      data: {
        query: input.q,
        total: result.total,
        tookMs: result.tookMs,
        hits: result.hits,
        weak: result.weak,
        facets: result.facets,
      },
    });
  });
  return router;
}
