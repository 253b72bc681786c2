import { Router } from 'express';
import {
  departmentCreateSchema,
  departmentSlugParam as slugParam,
  departmentUpdateSchema,
  impactQuery as rangeQuery,
  type Department,
  type ImpactData,
} from '../contract/departments';
import type { Database } from '../db/connection';
import { actorOf, requireRole, requireUser } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { presentDepartment } from '../presenters/departments';
import { changeDepartment, createDepartment } from '../services/departments/departments';
import { departmentImpact } from '../services/stats/impact';
import { listDepartments } from '../stores/departments';

export function departmentsRouter(db: Database): Router {
  const router = Router();
  // archived ones too (their articles and history stay): pickers of a target leave them out
  router.get('/', requireUser, async (_req, res) => {
    const data: Department[] = (await listDepartments(db)).map(presentDepartment);
    res.json({ data });
  });

  router.post('/', requireRole('admin'), async (req, res) => {
    const input = parse(departmentCreateSchema, req.body);
    const row = await createDepartment(db, actorOf(req), input);
    res.status(201).json({ data: presentDepartment(row) });
  });

  router.patch('/:slug', requireRole('admin'), async (req, res) => {
    const { slug } = parse(slugParam, req.params);
    const input = parse(departmentUpdateSchema, req.body);
    const row = await changeDepartment(db, actorOf(req), slug, input);
    res.json({ data: presentDepartment(row) });
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
