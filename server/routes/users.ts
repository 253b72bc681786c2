import { Router, type Request } from 'express';
import type { Config } from '../config';
import { inviteUserSchema, userIdParam, userListQuery, userUpdateSchema } from '../contract/users';
import type { Database } from '../db/connection';
import type { Mailer } from '../mail/mailer';
import { actorOf, requireRole } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { presentUserDetail } from '../presenters/users';
import { listSessions } from '../services/users/account';
import {
  endUserSessions,
  getUser,
  inviteUser,
  issuePasswordReset,
  listUsers,
  updateUser,
} from '../services/users/admin';
import { resetMfa } from '../services/users/mfa';

/** People, administered by admins: every route here is admin-only. */
export function usersRouter(config: Config, db: Database, mail: Mailer): Router {
  const router = Router();
  router.use(requireRole('admin'));

  // links point where people open the product: PUBLIC_URL, else the address the admin used
  const links = (req: Request) => ({
    base: config.publicUrl ?? `${req.protocol}://${req.get('host')}`,
    mail,
  });

  router.get('/', async (req, res) => {
    const q = parse(userListQuery, req.query);
    const { rows, total } = await listUsers(db, q);
    res.json({
      data: rows.map(presentUserDetail),
      meta: { total, limit: q.limit, offset: q.offset },
    });
  });

  router.post('/', async (req, res) => {
    const input = parse(inviteUserSchema, req.body);
    const { user, ...link } = await inviteUser(db, actorOf(req), input, links(req));
    res.status(201).json({ data: { user: presentUserDetail(user), ...link } });
  });

  router.get('/:id', async (req, res) => {
    const { id } = parse(userIdParam, req.params);
    res.json({ data: presentUserDetail(await getUser(db, id)) });
  });

  router.patch('/:id', async (req, res) => {
    const { id } = parse(userIdParam, req.params);
    const changes = parse(userUpdateSchema, req.body);
    res.json({ data: presentUserDetail(await updateUser(db, actorOf(req), id, changes)) });
  });

  router.post('/:id/password-reset', async (req, res) => {
    const { id } = parse(userIdParam, req.params);
    res.json({ data: await issuePasswordReset(db, actorOf(req), id, links(req)) });
  });

  router.get('/:id/sessions', async (req, res) => {
    const { id } = parse(userIdParam, req.params);
    await getUser(db, id);
    res.json({ data: await listSessions(db, id, req.sessionID) });
  });

  router.delete('/:id/sessions', async (req, res) => {
    const { id } = parse(userIdParam, req.params);
    res.json({ data: { ended: await endUserSessions(db, actorOf(req), id) } });
  });

  // a lost phone: the user enrols again at their next sign-in
  router.post('/:id/mfa-reset', async (req, res) => {
    const { id } = parse(userIdParam, req.params);
    await resetMfa(db, actorOf(req), id);
    res.status(204).end();
  });

  return router;
}
