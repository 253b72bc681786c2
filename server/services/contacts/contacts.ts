import type { Database, Queryable } from '../../db/connection';
import { AppError, badRequest, conflict, notFound, validationFailed } from '../../errors';
import { insertArticleRequest } from '../../stores/articleRequests';
import { insertContactAction } from '../../stores/contactActions';
import type { ArticleRow } from '../../stores/articles';
import * as contacts from '../../stores/contacts';
import { findDepartmentById, findDepartmentBySlug } from '../../stores/departments';
import {
  contactSearches,
  markLatestSearchOpened,
  searchesOfContacts,
  type ContactSearchRow,
} from '../../stores/searchEvents';
import { insertAudit } from '../../stores/audit';
import { insertContactEvent, type ContactEventKind } from '../../stores/contactEvents';
import { findUserByEmail, findUserById, findUserBySubject } from '../../stores/users';
import type { ContactEventHub } from './contactEvents';
import { contactData, emitEvent } from '../webhooks/events';
import { findArticle } from '../articles/read';
import { assertTakesNew } from '../departments/departments';
import type { ContactClose, ContactOpen } from '../../contract/contacts';
import type { Actor } from '../../domain/roles';
import { canRead } from '../../domain/visibility';
import { flagIfFailing, promoteIfProven } from './outcomes';
import type { SolveCounts } from '../search/solveCounts';
import type { SearchIndex } from '../../search/searchIndex';

export interface ContactDeps {
  db: Database;
  search: SearchIndex;
  solves: SolveCounts;
  /** where failures of follow-up work go (the contact itself is saved by then) */
  onError: (err: unknown) => void;
  /** consoles listening for screen-pops */
  events: ContactEventHub;
}

/** Clocks may disagree by a little; a time further ahead than this is a mistake. */
const FUTURE_SKEW_MS = 60_000;

export const notYours = () =>
  new AppError(403, 'contact_not_yours', 'This contact belongs to another agent.');
const explicitTimes = () =>
  new AppError(
    403,
    'explicit_times_forbidden',
    'Only admins and integrations may set the agent or the times of a contact; agents log the present.',
  );
const closed = () => conflict('contact_closed', 'This contact is already closed.');

/**
 * Opens a contact: the agent's own, or (admins and integrations) any agent's, named by id,
 * email or sign-in subject. With an `externalId` it is idempotent: the phone system opening
 * the same call again gets the contact it opened (`created: false`). A contact a token opens
 * is told to the agent's console (screen-pop) and audited as the token's, for the agent.
 */
export async function openContact(deps: ContactDeps, actor: Actor, input: ContactOpen) {
  const named = input.agentId ?? input.agentEmail ?? input.agentExternalId;
  if ((named !== undefined || input.startedAt !== undefined) && actor.role !== 'admin')
    throw explicitTimes();
  if (input.externalId !== undefined) {
    const existing = await contacts.findContactIdByExternalId(deps.db, input.externalId);
    if (existing !== undefined)
      return { contact: await loadContact(deps.db, existing), created: false };
  }
  const agent = await contactAgent(deps.db, actor, input);
  const startedAt = input.startedAt ?? new Date().toISOString();
  notInFuture(startedAt, 'startedAt');
  let id: number;
  try {
    id = await deps.db.transaction(async (tx) => {
      const id = await contacts.insertContact(tx, {
        agentId: agent.id,
        agentDepartmentId: agent.departmentId,
        channel: input.channel,
        customerRef: input.customerRef ?? null,
        startedAt,
        externalId: input.externalId ?? null,
        openingReason: input.reason || null,
        openedByToken: actor.token?.id ?? null,
      });
      if (actor.token) await toldToConsole(tx, actor.token, agent.id, id, 'contact.opened');
      return id;
    });
  } catch (err) {
    // the same call opened twice at once: the other request's contact is this one
    const raced =
      input.externalId && (await contacts.findContactIdByExternalId(deps.db, input.externalId));
    if (!raced) throw err;
    return { contact: await loadContact(deps.db, raced), created: false };
  }
  if (actor.token) void deps.events.poke();
  return { contact: await loadContact(deps.db, id), created: true };
}

/** Whose contact it is: the one named (by an admin or an integration), else the actor. */
async function contactAgent(db: Queryable, actor: Actor, input: ContactOpen) {
  const field = input.agentEmail
    ? 'agentEmail'
    : input.agentExternalId
      ? 'agentExternalId'
      : 'agentId';
  if (actor.id === null && input.agentId === undefined && field === 'agentId')
    throw validationFailed('Name the agent: agentEmail or agentExternalId.', 'agentEmail');
  const agent = input.agentEmail
    ? await findUserByEmail(db, input.agentEmail)
    : input.agentExternalId
      ? await findUserBySubject(db, input.agentExternalId)
      : await findUserById(db, input.agentId ?? actor.id!);
  if (!agent || !agent.active) throw validationFailed('No such active user.', field);
  if (agent.role === 'manager') throw validationFailed('Managers do not take contacts.', field);
  return agent;
}

/** The agent's console hears of it; the audit log says which token acted, for whom. */
async function toldToConsole(
  tx: Queryable,
  token: { id: number; name: string },
  agentId: number,
  contactId: number,
  kind: ContactEventKind,
) {
  const at = new Date().toISOString();
  await insertContactEvent(tx, { agentId, contactId, kind, at });
  await insertAudit(tx, {
    actorId: agentId,
    action: kind,
    entity: 'contact',
    entityId: contactId,
    detail: { via: 'token', token: token.name, tokenId: token.id },
    at,
  });
}

/** A contact and what happened during it, for its agent, managers and admins. */
export async function getContact(deps: ContactDeps, actor: Actor, id: number) {
  const contact = await contacts.findContact(deps.db, id);
  if (!contact) throw notFound('Contact');
  const overseer = actor.role === 'manager' || actor.role === 'admin';
  if (!overseer && contact.agentId !== actor.id) throw notYours();
  return (await withActivity(deps.db, [contact]))[0]!;
}

export async function listContacts(
  deps: ContactDeps,
  actor: Actor,
  f: { status?: 'open' | 'closed'; agentId?: number; limit: number; offset: number },
) {
  const overseer = actor.role === 'manager' || actor.role === 'admin';
  const agentId = overseer ? f.agentId : actor.id!;
  const { rows, total } = await contacts.listContacts(deps.db, { ...f, agentId });
  return { rows: await withActivity(deps.db, rows), total };
}

export async function closeContact(
  deps: ContactDeps,
  actor: Actor,
  id: number,
  input: ContactClose,
) {
  if (input.closedAt !== undefined && actor.role !== 'admin') throw explicitTimes();
  const solvedWith = await deps.db.transaction(async (tx) => {
    const contact = await ownOpenContact(tx, actor, id);
    const closedAt = input.closedAt ?? new Date().toISOString();
    notInFuture(closedAt, 'closedAt');
    if (closedAt < contact.startedAt)
      throw validationFailed('A contact cannot close before it started.', 'closedAt');
    const close: contacts.ContactClose = {
      outcome: input.outcome,
      closedAt,
      articleId: null,
      articleDepartmentId: null,
      escalatedTo: null,
      reason: null,
      note: null,
    };
    if (input.outcome === 'solved' && input.articleId) {
      const article = await usableArticle(tx, actor, input.articleId);
      close.articleId = article.id;
      close.articleDepartmentId = article.departmentId;
      await contacts.addContactArticle(tx, id, article.id, 'opened', closedAt);
    } else if (input.outcome === 'escalated') {
      const department = input.department
        ? await findDepartmentBySlug(tx, input.department)
        : await findDepartmentById(tx, input.departmentId!);
      if (!department) throw validationFailed('No such department.', 'department');
      assertTakesNew(department);
      close.escalatedTo = department.id;
      close.reason = input.reason;
      if (input.needsArticle) {
        const queries = distinct((await contactSearches(tx, id)).map((s) => s.query));
        const requestId = await insertArticleRequest(tx, {
          departmentId: department.id,
          contactId: id,
          requestedBy: contact.agentId,
          queries,
          reason: input.reason,
          at: closedAt,
        });
        const { slug, name } = department;
        await emitEvent(tx, 'request.created', {
          request: {
            id: requestId,
            contactId: id,
            department: { slug, name },
            reason: input.reason,
            queries,
          },
        });
      }
    } else if (input.outcome === 'follow_up') {
      close.note = input.note || null;
    }
    if (!(await contacts.closeContact(tx, id, close))) throw closed();
    await insertContactAction(tx, {
      contactId: id,
      userId: actor.id ?? contact.agentId,
      kind: 'close',
      articleId: close.articleId,
    });
    if (actor.token) await toldToConsole(tx, actor.token, contact.agentId, id, 'contact.closed');
    const data = contactData((await contacts.findContact(tx, id))!);
    await emitEvent(tx, 'contact.closed', data);
    if (close.outcome === 'escalated') await emitEvent(tx, 'contact.escalated', data);
    return close.articleId === null ? null : { articleId: close.articleId, closedAt };
  });
  if (actor.token) void deps.events.poke();
  if (solvedWith) {
    deps.solves.recordSolve(solvedWith.articleId, solvedWith.closedAt);
    await promoteIfProven(deps, solvedWith.articleId).catch(deps.onError);
  }
  return loadContact(deps.db, id);
}

/** "Tried, didn't solve": the article is recorded as tried and the contact stays open. */
export async function markTried(deps: ContactDeps, actor: Actor, id: number, articleId: number) {
  const tried = await deps.db.transaction(async (tx) => {
    const contact = await ownOpenContact(tx, actor, id);
    const article = await usableArticle(tx, actor, articleId);
    const at = new Date().toISOString();
    await contacts.addContactArticle(tx, id, article.id, 'opened', at);
    const { changes } = await contacts.addContactArticle(tx, id, article.id, 'tried', at);
    // tried twice is one mark: only the first is an action to take back
    if (changes === 1)
      await insertContactAction(tx, {
        contactId: id,
        userId: actor.id ?? contact.agentId,
        kind: 'tried',
        articleId: article.id,
      });
    return article.id;
  });
  await flagIfFailing(deps, tried).catch(deps.onError);
  return loadContact(deps.db, id);
}

/** The agent opened an article during the contact (and from its latest search). */
export async function markOpened(deps: ContactDeps, actor: Actor, id: number, articleId: number) {
  await deps.db.transaction(async (tx) => {
    await ownOpenContact(tx, actor, id);
    const article = await findArticle(tx, String(articleId));
    if (!article || !canRead(actor.role, article)) throw notFound('Article');
    await contacts.addContactArticle(tx, id, article.id, 'opened', new Date().toISOString());
    await markLatestSearchOpened(tx, id, article.id);
  });
  return loadContact(deps.db, id);
}

/** The contact, if it is the actor's own (admins may act for anyone) and still open. */
export async function ownOpenContact(db: Queryable, actor: Actor, id: number) {
  const contact = await contacts.findContact(db, id);
  if (!contact) throw notFound('Contact');
  if (contact.agentId !== actor.id && actor.role !== 'admin') throw notYours();
  if (contact.closedAt !== null) throw closed();
  return contact;
}

/** Only published articles can solve or be tried: not wip, not archived, not hidden. */
async function usableArticle(db: Queryable, actor: Actor, articleId: number): Promise<ArticleRow> {
  const article = await findArticle(db, String(articleId));
  const published = article?.confidence === 'validated' || article?.confidence === 'not_validated';
  if (!article || !published || !canRead(actor.role, article)) {
    throw badRequest(
      'article_not_usable',
      'Only published articles (validated or not validated) can be linked to a contact.',
      'articleId',
    );
  }
  return article;
}

function notInFuture(at: string, field: string): void {
  if (Date.parse(at) > Date.now() + FUTURE_SKEW_MS)
    throw validationFailed('That time is in the future.', field);
}

const distinct = (items: string[]) => [...new Set(items)];

export async function loadContact(db: Queryable, id: number) {
  return (await withActivity(db, [(await contacts.findContact(db, id))!]))[0]!;
}

export interface ContactWithActivity extends contacts.ContactRow {
  articles: contacts.ContactArticleRow[];
  searches: ContactSearchRow[];
}

/** Contacts with their articles and searches: two queries for the whole list, not per contact. */
async function withActivity(
  db: Queryable,
  rows: readonly contacts.ContactRow[],
): Promise<ContactWithActivity[]> {
  const ids = rows.map((c) => c.id);
  const [articles, searches] = await Promise.all([
    contacts.articlesOfContacts(db, ids),
    searchesOfContacts(db, ids),
  ]);
  return rows.map((c) => ({
    ...c,
    articles: articles.filter((a) => a.contactId === c.id).map(({ contactId: _, ...a }) => a),
    searches: searches.filter((s) => s.contactId === c.id).map(({ contactId: _, ...s }) => s),
  }));
}
