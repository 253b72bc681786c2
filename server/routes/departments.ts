import { Router } from 'express';
import {
  departmentSlugParam as slugParam,
  impactQuery as rangeQuery,
  type Department,
  type ImpactData,
} from '../contract/departments';
import type { Database } from '../db/connection';
import { actorOf, requireRole, requireUser } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { departmentImpact } from '../services/stats/impact';
import { listDepartments } from '../stores/departments';

export function departmentsRouter(db: Database): Router {
  const router = Router();
  router.get('/', requireUser, async (_req, res) => {
    const rows = await listDepartments(db);
    const data: Department[] = rows.map((d) => ({
      id: d.id,
      slug: d.slug,
      name: d.name,
      kind: d.kind,
    }));
    res.json({ data });
  });

  // engineers: their own department only (checked in the service)
  router.get('/:slug/impact', requireRole('engineer', 'manager', 'admin'), async (req, res) => {
    const { slug } = parse(slugParam, req.params);
    const range = parse(rangeQuery, req.query);
    const impact = await departmentImpact({ db }, actorOf(req), slug, range);
    const data: ImpactData = {
      department: { slug: impact.department.slug, name: impact.department.name },
      period: impact.period,
      articles: impact.articles,
    };
    res.json({ data });
  });
  return router;
}
