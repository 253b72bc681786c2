import { Router } from 'express';
import { actorOf, requireRole, requireUser } from '../middleware/auth';
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

  router.post('/', handlesContacts, once, async (req, res) => {
    const input = parse(contactOpenSchema, req.body);
    const contact = await service.openContact(deps, actorOf(req), input);
    res
      .status(201)
      .location(`/api/contacts/${contact.id}`)
      .json({ data: presentContact(contact) });
  });

  router.get('/', requireUser, async (req, res) => {
    const filters = parse(listQuery, req.query);
    const { rows, total } = await service.listContacts(deps, actorOf(req), filters);
    res.json({
      data: rows.map(presentContact),
      meta: { total, limit: filters.limit, offset: filters.offset },
    });
  });

  router.get('/:id', requireUser, async (req, res) => {
    const { id } = parse(idParam, req.params);
    res.json({ data: presentContact(await service.getContact(deps, actorOf(req), id)) });
  });

  router.post('/:id/close', handlesContacts, once, async (req, res) => {
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
