import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/connection';
import { actorOf, requireRole } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { presentArticleRequest, presentFlag } from '../presenters/contacts';
import { departmentQueue, resolveQueueItem } from '../services/articles/queue';

const slugParam = z.object({ department: z.string().min(1).max(64) });
const itemParam = z.object({
  kind: z.enum(['flags', 'requests']),
  id: z.coerce.number().int().positive(),
});
const resolveBody = z
  .object({
    note: z
      .string()
      .trim()
      .min(1, 'Say how it was resolved.')
      .max(1000, 'Note is at most 1000 characters.'),
  })
  .strict();

export function queueRouter(db: Database): Router {
  const router = Router();
  // engineers see and work their own department's queue only (checked in the service)
  router.get('/:department', requireRole('engineer', 'manager', 'admin'), async (req, res) => {
    const { department } = parse(slugParam, req.params);
    const q = await departmentQueue({ db }, actorOf(req), department);
    res.json({
      data: {
        department: { slug: q.department.slug, name: q.department.name },
        flags: q.flags.map(presentFlag),
        requests: q.requests.map(presentArticleRequest),
        requestGroups: q.requestGroups,
        stale: q.stale,
        failing: q.failing,
      },
    });
  });

  router.post('/:kind/:id/resolve', requireRole('engineer', 'admin'), async (req, res) => {
    const { kind, id } = parse(itemParam, req.params);
    const { note } = parse(resolveBody, req.body);
    await resolveQueueItem({ db }, actorOf(req), kind === 'flags' ? 'flag' : 'request', id, note);
    res.status(204).end();
  });
  return router;
}
