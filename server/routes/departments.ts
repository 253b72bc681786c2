import { Router } from 'express';
import type { Database } from '../db/connection';
import { requireUser } from '../middleware/auth';
import { listDepartments } from '../stores/departments';

export function departmentsRouter(db: Database): Router {
  const router = Router();
  router.get('/', requireUser, async (_req, res) => {
    const rows = await listDepartments(db);
    res.json({ data: rows.map((d) => ({ id: d.id, slug: d.slug, name: d.name, kind: d.kind })) });
  });
  return router;
}
