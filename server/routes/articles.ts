import { Router } from 'express';
import { actorOf, requireRole, requireUser, tokenScope } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { presentArticle, presentArticleSummary, presentVersion } from '../presenters/articles';
import { presentFlag } from '../presenters/contacts';
import { articleCreateSchema, articleUpdateSchema } from '../contract/articles';
import {
  articleIdParam as idParam,
  articleListQuery as listQuery,
  confidenceChangeSchema,
  diffQuery,
  restoreSchema,
  verifySchema,
} from '../contract/articleRequests';
import type { HistoryEntry } from '../contract/articleResponses';
import * as read from '../services/articles/read';
import { createArticle, updateArticle } from '../services/articles/write';
import { flagSchema } from '../contract/contacts';
import { flagArticle } from '../services/articles/flags';
import * as lifecycle from '../services/articles/lifecycle';

export function articlesRouter(deps: read.ArticleDeps): Router {
  const router = Router();

  router.get('/', tokenScope('articles:read'), requireUser, async (req, res) => {
    const filters = parse(listQuery, req.query);
    const { rows, total } = await read.listArticles(deps, actorOf(req), filters);
    res.json({
      data: rows.map(presentArticleSummary),
      meta: { total, limit: filters.limit, offset: filters.offset },
    });
  });

  router.get('/:id', tokenScope('articles:read'), requireUser, async (req, res) => {
    const { id } = parse(idParam, req.params);
    const row = await read.getArticle(deps, actorOf(req), id);
    res.json({ data: presentArticle(row, req.user!.role) });
  });

  router.get('/:id/versions', requireUser, async (req, res) => {
    const { id } = parse(idParam, req.params);
    const versions = await read.articleVersions(deps, actorOf(req), id);
    res.json({ data: versions.map(presentVersion) });
  });

  router.get('/:id/history', requireUser, async (req, res) => {
    const { id } = parse(idParam, req.params);
    const { versions, events } = await read.articleHistory(deps, actorOf(req), id);
    const timeline: HistoryEntry[] = [
      ...versions.map((v) => ({ type: 'version' as const, at: v.createdAt, ...presentVersion(v) })),
      ...events.map((e) => ({
        type: 'event' as const,
        at: e.at,
        action: e.action,
        actor: e.actorId === null ? null : { id: e.actorId, name: e.actorName },
        detail: e.detail,
      })),
    ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    res.json({ data: timeline });
  });

  router.post('/', requireRole('engineer', 'admin'), async (req, res) => {
    const input = parse(articleCreateSchema, req.body);
    const row = await createArticle(deps, actorOf(req), input);
    res
      .status(201)
      .location(`/api/articles/${row.id}`)
      .json({ data: presentArticle(row, req.user!.role) });
  });

  router.patch('/:id', requireRole('engineer', 'admin'), async (req, res) => {
    const { id } = parse(idParam, req.params);
    const input = parse(articleUpdateSchema, req.body);
    const row = await updateArticle(deps, actorOf(req), id, input);
    res.json({ data: presentArticle(row, req.user!.role) });
  });

  router.get('/:id/diff', requireUser, async (req, res) => {
    const { id } = parse(idParam, req.params);
    const { from, to } = parse(diffQuery, req.query);
    res.json({ data: await lifecycle.diffVersions(deps, actorOf(req), id, from, to) });
  });

  // submit (wip → not_validated), validate, archive, unarchive: the KCS steps (services/confidence)
  router.post('/:id/confidence', requireRole('engineer', 'admin'), async (req, res) => {
    const { id } = parse(idParam, req.params);
    const input = parse(confidenceChangeSchema, req.body);
    const row = await lifecycle.changeConfidence(deps, actorOf(req), id, input);
    res.json({ data: presentArticle(row, req.user!.role) });
  });

  router.post('/:id/verify', requireRole('engineer', 'admin'), async (req, res) => {
    const { id } = parse(idParam, req.params);
    const input = parse(verifySchema, req.body);
    const row = await lifecycle.verifyArticle(deps, actorOf(req), id, input);
    res.json({ data: presentArticle(row, req.user!.role) });
  });

  router.post('/:id/restore', requireRole('engineer', 'admin'), async (req, res) => {
    const { id } = parse(idParam, req.params);
    const input = parse(restoreSchema, req.body);
    const row = await lifecycle.restoreVersion(deps, actorOf(req), id, input);
    res.json({ data: presentArticle(row, req.user!.role) });
  });

  // anyone who takes contacts can flag what they read; the owning department's queue gets it
  router.post('/:id/flags', requireRole('agent', 'engineer', 'admin'), async (req, res) => {
    const { id } = parse(idParam, req.params);
    const input = parse(flagSchema, req.body);
    const flag = await flagArticle(deps, actorOf(req), id, input);
    res.status(201).json({ data: presentFlag(flag) });
  });

  return router;
}
