import { Router } from 'express';
import {
  queueItemParam as itemParam,
  queueParam,
  resolveSchema,
  type QueueData,
} from '../contract/queue';
import type { Database } from '../db/connection';
import { actorOf, requireRole } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { presentArticleRequest, presentFlag } from '../presenters/contacts';
import { departmentQueue, resolveQueueItem } from '../services/articles/queue';

export function queueRouter(db: Database): Router {
  const router = Router();
  // engineers see and work their own department's queue only (checked in the service)
  router.get('/:department', requireRole('engineer', 'manager', 'admin'), async (req, res) => {
    const { department } = parse(queueParam, req.params);
    const q = await departmentQueue({ db }, actorOf(req), department);
    const data: QueueData = {
      department: { slug: q.department.slug, name: q.department.name },
      flags: q.flags.map(presentFlag),
      requests: q.requests.map(presentArticleRequest),
      requestGroups: q.requestGroups,
      stale: q.stale,
      failing: q.failing,
    };
    res.json({ data });
  });

  router.post('/:kind/:id/resolve', requireRole('engineer', 'admin'), async (req, res) => {
    const { kind, id } = parse(itemParam, req.params);
    const { note } = parse(resolveSchema, req.body);
    await resolveQueueItem({ db }, actorOf(req), kind === 'flags' ? 'flag' : 'request', id, note);
    res.status(204).end();
  });
  return router;
}
