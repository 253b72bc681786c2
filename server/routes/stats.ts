import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Database } from '../db/connection';
import { requireRole } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { isoDay } from '../contract/articles';
import { CHANNELS } from '../contract/enums';
import { DRILL_METRICS, METRIC_KEYS } from '../contract/metrics';
import * as stats from '../services/stats/stats';
import type { ContactRow } from '../stores/contacts';
import { toCsv } from '../presenters/csv';

const range = {
  from: isoDay,
  to: isoDay,
  agentDepartment: z.string().min(1).max(64).optional(),
  channel: z.enum(CHANNELS).optional(),
  articleDepartment: z.string().min(1).max(64).optional(),
  format: z.enum(['json', 'csv']).default('json'),
};
const rangeQuery = z.object(range).strict();
const seriesQuery = z.object({ ...range, bucket: z.enum(['day', 'week']).default('day') }).strict();
const gapsQuery = z
  .object({ ...range, limit: z.coerce.number().int().min(1).max(500).default(50) })
  .strict();
const contactsQuery = z
  .object({
    ...range,
    metric: z.enum(DRILL_METRICS).default('all'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

/** A drill-down's contact as it leaves the server: its keys are the CSV columns, in order. */
const DRILL_ROW = {
  id: (c: ContactRow) => c.id,
  agent: (c: ContactRow) => c.agentName,
  agentDepartment: (c: ContactRow) => c.agentDepartmentSlug,
  channel: (c: ContactRow) => c.channel,
  customerRef: (c: ContactRow) => c.customerRef,
  startedAt: (c: ContactRow) => c.startedAt,
  closedAt: (c: ContactRow) => c.closedAt,
  outcome: (c: ContactRow) => c.outcome,
  articleId: (c: ContactRow) => c.articleId,
  article: (c: ContactRow) => c.articleTitle,
  articleDepartment: (c: ContactRow) => c.articleDepartmentSlug,
  escalatedTo: (c: ContactRow) => c.escalatedToSlug,
};
const drillRow = (c: ContactRow) =>
  Object.fromEntries(Object.entries(DRILL_ROW).map(([key, get]) => [key, get(c)]));

type Answer<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
type GapRow = Answer<typeof stats.contentGaps>['zeroResults'][number];
type Spread = Answer<typeof stats.timeToPublish>['toNotValidated'];
/** Every key of a row type, in the order given (the compiler checks none is missing). */
const keysOf = <T>(keys: Record<keyof T, true>) => Object.keys(keys);

/** CSV columns of each export, in order (an empty export still has its header row). */
const COLUMNS = {
  summary: METRIC_KEYS,
  'series-day': ['day', ...METRIC_KEYS],
  'series-week': ['week', ...METRIC_KEYS],
  'cross-silo': keysOf<Answer<typeof stats.matrix>[number]>({
    articleDepartment: true,
    agentDepartment: true,
    solves: true,
  }),
  'content-gaps': ['kind', ...keysOf<GapRow>({ query: true, count: true, lastDay: true })],
  'time-to-publish': [
    'step',
    ...keysOf<Spread>({ count: true, medianHours: true, p90Hours: true }),
  ],
  'article-impact': keysOf<Answer<typeof stats.articles>[number]>({
    id: true,
    slug: true,
    title: true,
    departmentSlug: true,
    confidence: true,
    verifyBy: true,
    lastVerified: true,
    uses: true,
    solves: true,
    failedTries: true,
    escalationsAvoided: true,
    openFlags: true,
    solveRate: true,
  }),
  contacts: Object.keys(DRILL_ROW),
};

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
