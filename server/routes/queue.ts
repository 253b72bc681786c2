import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/connection';
import { actorOf, requireRole } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { presentArticleRequest, presentFlag } from '../presenters/contacts';
import { departmentQueue } from '../services/flags';

const slugParam = z.object({ department: z.string().min(1).max(64) });

export function queueRouter(db: Database): Router {
  const router = Router();
  // engineers see their own department's queue only (checked in the service)
  router.get('/:department', requireRole('engineer', 'manager', 'admin'), async (req, res) => {
    const { department } = parse(slugParam, req.params);
    const queue = await departmentQueue({ db }, actorOf(req), department);
    res.json({
      data: {
        department: { slug: queue.department.slug, name: queue.department.name },
        flags: queue.flags.map(presentFlag),
        requests: queue.requests.map(presentArticleRequest),
      },
    });
  });
  return router;
}
