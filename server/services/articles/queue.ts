import type { Database } from '../../db/connection';
import { conflict, forbidden, notFound } from '../../errors';
import {
  findArticleRequest,
  openRequestsOf,
  resolveArticleRequestWithNote,
  type ArticleRequestRow,
} from '../../stores/articleRequests';
import { failingArticles, staleArticles } from '../../stores/queue';
import { insertAudit } from '../../stores/audit';
import { findDepartmentBySlug } from '../../stores/departments';
import { findFlag, openFlagsOf, resolveFlag } from '../../stores/flags';
import type { Actor } from '../../domain/roles';
import { normalizeQuery } from '../../domain/searchBursts';
import { getSettings } from '../settings/settings';

const DAY = 86_400_000;

function mayWork(actor: Actor, departmentId: number): boolean {
  return (
    actor.role === 'admin' || (actor.role === 'engineer' && actor.departmentId === departmentId)
  );
}

/**
 * What waits for a department: open flags on its articles, stale articles, "needs an article"
 * requests (grouped by what callers searched), and validated articles that keep failing.
 */
export async function departmentQueue(deps: { db: Database }, actor: Actor, slug: string) {
  const department = await findDepartmentBySlug(deps.db, slug);
  if (!department) throw notFound('Department');
  if (!mayWork(actor, department.id) && actor.role !== 'manager')
    throw forbidden('Only the department’s engineers, managers and admins see its queue.');
  const { failThreshold } = await getSettings(deps.db);
  const now = new Date();
  const [flags, requests, stale, failing] = await Promise.all([
    openFlagsOf(deps.db, department.id),
    openRequestsOf(deps.db, department.id),
    staleArticles(deps.db, department.id, now.toISOString().slice(0, 10)),
    failingArticles(
      deps.db,
      department.id,
      new Date(now.getTime() - 30 * DAY).toISOString(),
      failThreshold,
    ),
  ]);
  return { department, flags, requests, requestGroups: groupRequests(requests), stale, failing };
}

export interface RequestGroup {
  /** the normalized query callers started with */
  key: string;
  queries: string[];
  contacts: number;
  requestIds: number[];
  firstAt: string;
  lastAt: string;
}

/** Requests about the same thing (same first search) are one item: how many contacts asked. */
export function groupRequests(requests: readonly ArticleRequestRow[]): RequestGroup[] {
  const groups = new Map<string, RequestGroup>();
  for (const r of requests) {
    const key = normalizeQuery(r.queries[0] ?? r.reason);
    const g = groups.get(key) ?? {
      key,
      queries: [],
      contacts: 0,
      requestIds: [],
      firstAt: r.createdAt,
      lastAt: r.createdAt,
    };
    g.contacts++;
    g.requestIds.push(r.id);
    for (const q of r.queries) if (!g.queries.includes(q)) g.queries.push(q);
    if (r.createdAt < g.firstAt) g.firstAt = r.createdAt;
    if (r.createdAt > g.lastAt) g.lastAt = r.createdAt;
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) => b.contacts - a.contacts || (a.lastAt < b.lastAt ? 1 : -1),
  );
}

/** Closes a queue item with a note; the department's engineers or an admin. */
export async function resolveQueueItem(
  deps: { db: Database },
  actor: Actor,
  kind: 'flag' | 'request',
  id: number,
  note: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const item = kind === 'flag' ? await findFlag(tx, id) : await findArticleRequest(tx, id);
    if (!item) throw notFound(kind === 'flag' ? 'Flag' : 'Request');
    if (!mayWork(actor, item.departmentId))
      throw forbidden('Only the department’s engineers and admins resolve its queue.');
    if (item.status !== 'open')
      throw conflict('queue_item_resolved', 'This item is already resolved.');
    const at = new Date().toISOString();
    if (kind === 'flag') await resolveFlag(tx, id, actor.id, note, at);
    else await resolveArticleRequestWithNote(tx, id, actor.id, note, at);
    await insertAudit(tx, {
      actorId: actor.id,
      action: 'queue.resolve',
      entity: kind,
      entityId: id,
      detail: { note },
      at,
    });
  });
}
