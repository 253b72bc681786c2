import { Router } from 'express';
import { tokenCreateSchema, tokenIdParam } from '../contract/tokens';
import type { Database } from '../db/connection';
import { actorOf, requireRole } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { presentToken } from '../presenters/tokens';
import { createToken, listTokens, revokeToken } from '../services/tokens/tokens';

/** API tokens for the phone, ticketing and monitoring systems: admins only. */
export function tokensRouter(db: Database): Router {
  const router = Router();
  router.use(requireRole('admin'));

  router.get('/', async (_req, res) => {
    res.json({ data: (await listTokens(db)).map(presentToken) });
  });

  router.post('/', async (req, res) => {
    const input = parse(tokenCreateSchema, req.body);
    const { row, token } = await createToken(db, actorOf(req), input);
    res
      .status(201)
      .location(`/api/tokens/${row.id}`)
      .json({ data: { ...presentToken(row), token } });
  });

  router.delete('/:id', async (req, res) => {
    const { id } = parse(tokenIdParam, req.params);
    await revokeToken(db, actorOf(req), id);
    res.status(204).end();
  });

  return router;
}
