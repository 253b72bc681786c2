import { Router, type Response } from 'express';
import {
  drillContactResponse,
  drillQuery as contactsQuery,
  gapRowResponse,
  gapsQuery,
  matrixCellResponse,
  seriesQuery,
  spreadResponse,
  statsRangeQuery as rangeQuery,
  type DrillContact,
} from '../contract/stats';
import type { Database } from '../db/connection';
import { requireRole } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { impactArticleResponse } from '../contract/departments';
import { METRIC_KEYS } from '../contract/metrics';
import * as stats from '../services/stats/stats';
import type { ContactRow } from '../stores/contacts';
import { toCsv } from '../presenters/csv';

/** The keys of a response schema, in its order: a CSV's columns are its JSON row's keys. */
const keysOf = (schema: { shape: object }) => Object.keys(schema.shape);

/** CSV columns of each export, in order (an empty export still has its header row). */
const COLUMNS = {
  summary: METRIC_KEYS,
  'series-day': ['day', ...METRIC_KEYS],
  'series-week': ['week', ...METRIC_KEYS],
  'cross-silo': keysOf(matrixCellResponse),
  'content-gaps': ['kind', ...keysOf(gapRowResponse)],
  'time-to-publish': ['step', ...keysOf(spreadResponse)],
  'article-impact': keysOf(impactArticleResponse),
  contacts: keysOf(drillContactResponse),
};

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

/** JSON by default; `format=csv` downloads the same rows as `<file>.csv`. */
function send(
  res: Response,
  format: 'json' | 'csv',
  table: keyof typeof COLUMNS,
  rows: object[],
  meta?: object,
  file: string = table,
) {
  if (format === 'csv') {
    res
      .type('text/csv')
      .attachment(`${file}.csv`)
      .send(toCsv(rows as Record<string, unknown>[], COLUMNS[table]));
    return;
  }
  res.json({ data: rows, ...(meta && { meta }) });
}

/** Team statistics (DESIGN §3): managers and admins only. */
export function statsRouter(db: Database): Router {
  const router = Router();
  const managers = requireRole('manager', 'admin');

  router.get('/summary', managers, async (req, res) => {
    const q = parse(rangeQuery, req.query);
    const data = await stats.summary(db, q);
    if (q.format === 'csv') send(res, 'csv', 'summary', [data]);
    else res.json({ data });
  });

  router.get('/series', managers, async (req, res) => {
    const q = parse(seriesQuery, req.query);
    send(res, q.format, `series-${q.bucket}` as const, await stats.series(db, q, q.bucket));
  });

  router.get('/matrix', managers, async (req, res) => {
    const q = parse(rangeQuery, req.query);
    send(res, q.format, 'cross-silo', await stats.matrix(db, q));
  });

  router.get('/gaps', managers, async (req, res) => {
    const q = parse(gapsQuery, req.query);
    const gaps = await stats.contentGaps(db, q, q.limit);
    if (q.format === 'csv') {
      const rows = Object.entries(gaps).flatMap(([kind, list]) =>
        list.map((g) => ({ kind, ...g })),
      );
      send(res, 'csv', 'content-gaps', rows);
    } else res.json({ data: gaps });
  });

  router.get('/time-to-publish', managers, async (req, res) => {
    const q = parse(rangeQuery, req.query);
    const data = await stats.timeToPublish(db, q);
    if (q.format === 'csv')
      send(res, 'csv', 'time-to-publish', [
        { step: 'notValidated', ...data.toNotValidated },
        { step: 'validated', ...data.toValidated },
      ]);
    else res.json({ data });
  });

  router.get('/articles', managers, async (req, res) => {
    const q = parse(rangeQuery, req.query);
    send(res, q.format, 'article-impact', await stats.articles(db, q));
  });

  router.get('/contacts', managers, async (req, res) => {
    const q = parse(contactsQuery, req.query);
    const { rows, total } = await stats.drillDown(db, q, q.metric, q);
    const meta = { total, limit: q.limit, offset: q.offset };
    send(res, q.format, 'contacts', rows.map(drillRow), meta, `contacts-${q.metric}`);
  });

  return router;
}
