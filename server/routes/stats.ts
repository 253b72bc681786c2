import { Router, type Response } from 'express';
import {
  drillQuery as contactsQuery,
  gapsQuery,
  seriesQuery,
  statsRangeQuery as rangeQuery,
} from '../contract/stats';
import type { Database } from '../db/connection';
import { requireRole } from '../middleware/auth';
import { parse } from '../middleware/validate';
import * as stats from '../services/stats/stats';
import type { ContactRow } from '../stores/contacts';
import { toCsv } from '../presenters/csv';

/** CSV columns of each export, in order (an empty export still has its header row). */
const SUMMARY = [
  'contacts',
  'solved',
  'escalated',
  'followUp',
  'fcrClaimed',
  'fcrVerified',
  'fcrVerifiedEligible',
  'escalationRate',
  'escalationsAvoided',
  'escalationsAvoidedValue',
  'linkRate',
  'reuseRate',
];
const COLUMNS = {
  summary: SUMMARY,
  'series-day': ['day', ...SUMMARY],
  'series-week': ['week', ...SUMMARY],
  'cross-silo': ['articleDepartment', 'agentDepartment', 'solves'],
  'content-gaps': ['kind', 'query', 'count', 'lastDay'],
  'time-to-publish': ['step', 'count', 'medianHours', 'p90Hours'],
  'article-impact': [
    'id',
    'slug',
    'title',
    'departmentSlug',
    'confidence',
    'verifyBy',
    'lastVerified',
    'uses',
    'solves',
    'failedTries',
    'escalationsAvoided',
    'openFlags',
    'solveRate',
  ],
  contacts: [
    'id',
    'agent',
    'agentDepartment',
    'channel',
    'customerRef',
    'startedAt',
    'closedAt',
    'outcome',
    'articleId',
    'article',
    'articleDepartment',
    'escalatedTo',
  ],
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

const drillRow = (c: ContactRow) => ({
  id: c.id,
  agent: c.agentName,
  agentDepartment: c.agentDepartmentSlug,
  channel: c.channel,
  customerRef: c.customerRef,
  startedAt: c.startedAt,
  closedAt: c.closedAt,
  outcome: c.outcome,
  articleId: c.articleId,
  article: c.articleTitle,
  articleDepartment: c.articleDepartmentSlug,
  escalatedTo: c.escalatedToSlug,
});

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
