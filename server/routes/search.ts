import { Router } from 'express';
import { searchQuery } from '../contract/search';
import { actorOf, requireUser, tokenScope } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { searchArticles, type SearchDeps } from '../services/search/search';

/** `searched` hears each search's time and hit count (the metrics). */
export function searchRouter(
  deps: SearchDeps,
  searched: (tookMs: number, total: number) => void = () => undefined,
): Router {
  const router = Router();
  router.get('/', tokenScope('search:read'), requireUser, async (req, res) => {
    const input = parse(searchQuery, req.query);
    const result = await searchArticles(deps, actorOf(req), input);
    searched(result.tookMs, result.total);
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
