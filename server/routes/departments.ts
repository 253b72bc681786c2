import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/connection';
import { actorOf, requireRole, requireUser } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { isoDay } from '../contract/articles';
import { departmentImpact } from '../services/stats/impact';
import { listDepartments } from '../stores/departments';

const slugParam = z.object({ slug: z.string().min(1).max(64) });
const rangeQuery = z.object({ from: isoDay.optional(), to: isoDay.optional() }).strict();

export function departmentsRouter(db: Database): Router {
  const router = Router();
  router.get('/', requireUser, async (_req, res) => {
    const rows = await listDepartments(db);
    res.json({ data: rows.map((d) => ({ id: d.id, slug: d.slug, name: d.name, kind: d.kind })) });
  });

  // engineers: their own department only (checked in the service)
  router.get('/:slug/impact', requireRole('engineer', 'manager', 'admin'), async (req, res) => {
    const { slug } = parse(slugParam, req.params);
    const range = parse(rangeQuery, req.query);
    const impact = await departmentImpact({ db }, actorOf(req), slug, range);
    res.json({
      data: {
        department: { slug: impact.department.slug, name: impact.department.name },
        period: impact.period,
        articles: impact.articles,
      },
    });
  });
  return router;
}
