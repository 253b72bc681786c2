import { Router } from 'express';
import { AUDIT_CSV_MAX, auditQuery } from '../contract/audit';
import { settingsUpdateSchema } from '../contract/settings';
import type { Database } from '../db/connection';
import { actorOf, requireRole, requireUser } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { getSettings, updateSettings } from '../services/settings/settings';
import { listAudit } from '../stores/audit';
import { auditCsv } from '../presenters/auditCsv';
import { badRequest } from '../errors';

/** Settings (everyone reads them: they explain the numbers; admins change them) and the audit log. */
export function adminRouter(db: Database): Router {
  const router = Router();

  router.get('/settings', requireUser, async (_req, res) => {
    res.json({ data: await getSettings(db) });
  });

  router.patch('/settings', requireRole('admin'), async (req, res) => {
    const changes = parse(settingsUpdateSchema, req.body);
    res.json({ data: await updateSettings(db, actorOf(req), changes) });
  });

  router.get('/audit', requireRole('admin'), async (req, res) => {
    const filters = parse(auditQuery, req.query);
    if (filters.format === 'csv') {
      // every matching entry, not a page
      const { rows, total } = await listAudit(db, {
        ...filters,
        limit: AUDIT_CSV_MAX,
        offset: 0,
      });
      if (total > AUDIT_CSV_MAX)
        throw badRequest(
          'audit_export_too_large',
          `${total} entries match; an export holds at most ${AUDIT_CSV_MAX}. Choose a shorter date range.`,
          'from',
        );
      const csv = auditCsv(rows, filters, new Date().toISOString().slice(0, 10));
      res
        .type('text/csv')
        .set('Content-Disposition', `attachment; filename="${csv.fileName}"`)
        .send(csv.body);
      return;
    }
    const { rows, total } = await listAudit(db, filters);
    res.json({ data: rows, meta: { total, limit: filters.limit, offset: filters.offset } });
  });

  return router;
}
