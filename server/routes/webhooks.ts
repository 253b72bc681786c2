import { Router } from 'express';
import {
  deliveryListQuery,
  deliveryParams,
  webhookCreateSchema,
  webhookIdParam,
} from '../contract/webhooks';
import type { Database } from '../db/connection';
import { actorOf, requireRole } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { presentDelivery, presentWebhook } from '../presenters/webhooks';
import * as service from '../services/webhooks/webhooks';

/** Webhooks: admins register endpoints and watch their deliveries. */
export function webhooksRouter(db: Database, allowPrivate: boolean): Router {
  const router = Router();
  router.use(requireRole('admin'));

  router.get('/', async (_req, res) => {
    res.json({ data: (await service.listWebhooks(db)).map(presentWebhook) });
  });

  router.post('/', async (req, res) => {
    const input = parse(webhookCreateSchema, req.body);
    const { row, secret } = await service.registerWebhook(db, actorOf(req), input, allowPrivate);
    res
      .status(201)
      .location(`/api/webhooks/${row.id}`)
      .json({ data: { ...presentWebhook(row), secret } });
  });

  router.delete('/:id', async (req, res) => {
    const { id } = parse(webhookIdParam, req.params);
    await service.removeWebhook(db, actorOf(req), id);
    res.status(204).end();
  });

  router.get('/:id/deliveries', async (req, res) => {
    const { id } = parse(webhookIdParam, req.params);
    const q = parse(deliveryListQuery, req.query);
    const { rows, total } = await service.listDeliveries(db, id, q);
    res.json({
      data: rows.map(presentDelivery),
      meta: { total, limit: q.limit, offset: q.offset },
    });
  });

  router.post('/:id/deliveries/:deliveryId/redeliver', async (req, res) => {
    const { id, deliveryId } = parse(deliveryParams, req.params);
    const copy = await service.redeliver(db, actorOf(req), id, deliveryId);
    res.status(201).json({ data: presentDelivery(copy) });
  });

  return router;
}
