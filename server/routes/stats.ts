import { Router, type Response } from 'express';
import {
  drillQuery as contactsQuery,
  gapsQuery,
  seriesQuery,
  statsRangeQuery as rangeQuery,
  type DrillContact,
} from '../contract/stats';
import type { Database } from '../db/connection';
import { requireRole, tokenScope } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { getSettings } from '../services/settings/settings';
import * as stats from '../services/stats/stats';
import type { ContactRow } from '../stores/contacts';
import { statsCsv, type CsvTable } from '../presenters/statsCsv';

/**
 * A drill-down's contact as it leaves the server: flat, so it is also a CSV row. The drill-down
 * lists closed contacts only, so the close time and outcome are set.
 */
const drillRow = (c: ContactRow): DrillContact => ({
  id: c.id,
  agent: c.agentName,
  agentDepartment: c.agentDepartmentSlug,
  channel: c.channel,
  customerRef: c.customerRef,
  startedAt: c.startedAt,
  closedAt: c.closedAt!,
  outcome: c.outcome!,
  articleId: c.articleId,
  article: c.articleTitle,
  articleDepartment: c.articleDepartmentSlug,
  escalatedTo: c.escalatedToSlug,
});

/**
 * JSON by default; `format=csv` downloads the same rows as
 * `firstcall-<kind>-<from>-to-<to>.csv` (presenters/statsCsv.ts: rounding, currency).
 */
async function send(
  db: Database,
  res: Response,
  q: { format: 'json' | 'csv'; from: string; to: string },
  table: CsvTable,
  rows: object[],
  meta?: { json?: object; suffix?: string },
) {
  if (q.format === 'csv') {
    const { currency } = await getSettings(db);
    const csv = statsCsv(table, rows, { from: q.from, to: q.to, currency, suffix: meta?.suffix });
    // the name is made of an export kind, a metric and two validated days: nothing to escape
    res
      .type('text/csv')
      .set('Content-Disposition', `attachment; filename="${csv.fileName}"`)
      .send(csv.body);
    return;
  }
  res.json({ data: rows, ...(meta?.json && { meta: meta.json }) });
}

/** Team statistics (DESIGN §3): managers and admins, and tokens with stats:read. */
export function statsRouter(db: Database): Router {
  const router = Router();
  const managers = requireRole('manager', 'admin');
  router.use(tokenScope('stats:read'));

  router.get('/summary', managers, async (req, res) => {
    const q = parse(rangeQuery, req.query);
    const data = await stats.summary(db, q);
    if (q.format === 'csv') await send(db, res, q, 'summary', [data]);
    else res.json({ data });
  });

  router.get('/series', managers, async (req, res) => {
    const q = parse(seriesQuery, req.query);
    await send(db, res, q, `series-${q.bucket}` as const, await stats.series(db, q, q.bucket));
  });

  router.get('/matrix', managers, async (req, res) => {
    const q = parse(rangeQuery, req.query);
    await send(db, res, q, 'matrix', await stats.matrix(db, q));
  });

  router.get('/gaps', managers, async (req, res) => {
    const q = parse(gapsQuery, req.query);
    const gaps = await stats.contentGaps(db, q, q.limit);
    if (q.format === 'csv') {
      const rows = Object.entries(gaps).flatMap(([kind, list]) =>
        list.map((g) => ({ kind, ...g })),
      );
      await send(db, res, q, 'gaps', rows);
    } else res.json({ data: gaps });
  });

  router.get('/time-to-publish', managers, async (req, res) => {
    const q = parse(rangeQuery, req.query);
    const data = await stats.timeToPublish(db, q);
    if (q.format === 'csv')
      await send(db, res, q, 'time-to-publish', [
        { step: 'notValidated', ...data.toNotValidated },
        { step: 'validated', ...data.toValidated },
      ]);
    else res.json({ data });
  });

  router.get('/articles', managers, async (req, res) => {
    const q = parse(rangeQuery, req.query);
    await send(db, res, q, 'impact', await stats.articles(db, q));
  });

  router.get('/contacts', managers, async (req, res) => {
    const q = parse(contactsQuery, req.query);
    const { rows, total } = await stats.drillDown(db, q, q.metric, q);
    const json = { total, limit: q.limit, offset: q.offset };
    await send(db, res, q, 'drill', rows.map(drillRow), { json, suffix: q.metric });
  });

  return router;
}
