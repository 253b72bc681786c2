import { Router } from 'express';
import type { Request, Response } from 'express';
import { actorOf, requireRole, requireUser, tokenScope } from '../middleware/auth';
import { idempotent } from '../middleware/idempotency';
import { parse } from '../middleware/validate';
import { presentContact } from '../presenters/contacts';
import * as service from '../services/contacts/contacts';
import { undoLatest, type UndoDeps } from '../services/contacts/undo';
import {
  articleRefSchema,
  contactCloseSchema,
  contactIdParam as idParam,
  contactListQuery as listQuery,
  contactOpenSchema,
  contactUndoSchema as undoSchema,
} from '../contract/contacts';

/** Those who take contacts: agents, and engineers and admins doing the same job. */
const handlesContacts = requireRole('agent', 'engineer', 'admin');

export function contactsRouter(deps: UndoDeps): Router {
  const router = Router();
  // every write of an outcome may be retried safely (the console's outbox does)
  const once = idempotent(deps.db, deps.onError);

  const writes = tokenScope('contacts:write');
  const reads = tokenScope('contacts:read');

  router.post('/', writes, handlesContacts, once, async (req, res) => {
    const input = parse(contactOpenSchema, req.body);
    const { contact, created } = await service.openContact(deps, actorOf(req), input);
    res
      .status(created ? 201 : 200)
      .location(`/api/contacts/${contact.id}`)
      .json({ data: presentContact(contact) });
  });

  // the signed-in agent's screen-pops, as server-sent events (people only: a token has no console)
  router.get('/stream', handlesContacts, (req, res) => streamContacts(deps, req, res));

  router.get('/', reads, requireUser, async (req, res) => {
    const filters = parse(listQuery, req.query);
    const { rows, total } = await service.listContacts(deps, actorOf(req), filters);
    res.json({
      data: rows.map(presentContact),
      meta: { total, limit: filters.limit, offset: filters.offset },
    });
  });

  router.get('/:id', reads, requireUser, async (req, res) => {
    const { id } = parse(idParam, req.params);
    res.json({ data: presentContact(await service.getContact(deps, actorOf(req), id)) });
  });

  router.post('/:id/close', writes, handlesContacts, once, async (req, res) => {
    const { id } = parse(idParam, req.params);
    const input = parse(contactCloseSchema, req.body);
    res.json({ data: presentContact(await service.closeContact(deps, actorOf(req), id, input)) });
  });

  router.post('/:id/tried', handlesContacts, once, async (req, res) => {
    const { id } = parse(idParam, req.params);
    const { articleId } = parse(articleRefSchema, req.body);
    res.json({ data: presentContact(await service.markTried(deps, actorOf(req), id, articleId)) });
  });

  router.post('/:id/opened', handlesContacts, once, async (req, res) => {
    const { id } = parse(idParam, req.params);
    const { articleId } = parse(articleRefSchema, req.body);
    res.json({ data: presentContact(await service.markOpened(deps, actorOf(req), id, articleId)) });
  });

  router.post('/:id/undo', handlesContacts, once, async (req, res) => {
    const { id } = parse(idParam, req.params);
    parse(undoSchema, req.body);
    res.json({ data: presentContact(await undoLatest(deps, actorOf(req), id)) });
  });

  return router;
}

/** Seconds between comments that keep proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;
/**
 * A stream ends after this long and the browser reconnects (with Last-Event-ID, missing
 * nothing): the reconnect passes the session checks again, so a session ended or a person
 * disabled meanwhile stops hearing within this time.
 */
const STREAM_MAX_MS = 5 * 60_000;

/**
 * `contact.opened` carries the contact (the console focuses it without asking again),
 * `contact.closed` its id. Each event has its id, so a reconnecting browser sends
 * Last-Event-ID and is told what it missed.
 */
async function streamContacts(deps: UndoDeps, req: Request, res: Response) {
  const actor = actorOf(req);
  const given = Number(req.get('last-event-id'));
  const lastEventId = Number.isSafeInteger(given) && given >= 0 ? given : null;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    // no-transform: compression would hold events back to fill its buffer
    'Cache-Control': 'no-store, no-transform',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  let queue = Promise.resolve();
  let stop: (() => void) | null = null;
  let gone = false;
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS).unref();
  const lifetime = setTimeout(() => res.end(), STREAM_MAX_MS).unref();
  req.on('close', () => {
    gone = true;
    clearInterval(heartbeat);
    clearTimeout(lifetime);
    stop?.();
  });
  const unsubscribe = await deps.events.subscribe(actor.id!, lastEventId, (e) => {
    // in order, one at a time: the contact is read before its event is written
    queue = queue
      .then(async () => {
        const data =
          e.kind === 'contact.opened'
            ? presentContact(await service.getContact(deps, actor, e.contactId))
            : { id: e.contactId };
        res.write(`id: ${e.id}\nevent: ${e.kind}\ndata: ${JSON.stringify(data)}\n\n`);
      })
      .catch(deps.onError);
  });
  // the browser may have gone while the replay was read
  if (gone) unsubscribe();
  else stop = unsubscribe;
}
