import crypto from 'node:crypto';
import {
  deliveryResponse,
  webhookCreatedResponse,
  webhookEnvelope,
  webhookResponse,
} from '../../server/contract/webhooks';
import { Database } from '../../server/db/connection';
import { createLogger } from '../../server/logger';
import { WebhookDispatcher } from '../../server/services/webhooks/dispatcher';
import { makeTestApp, signedIn, type Client, type TestContext } from '../helpers/app';
import { contractData, contractError, contractList } from '../helpers/contract';
import { createArticle, openContact } from '../helpers/factories';
import { startReceiver, type Received } from '../helpers/receiver';

const RECEIVER_ENV = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_SECONDS: '1' };
const dispatcherFor = (db: Database, allowPrivate = true) =>
  new WebhookDispatcher(
    db,
    { allowPrivate, retryBaseMs: 1000, timeoutMs: 2000 },
    createLogger('silent'),
  );

/** How a receiver checks a delivery (the README's snippet, in test form). */
function verify(secret: string, headers: Record<string, unknown>, body: string): boolean {
  const timestamp = String(headers['x-firstcall-timestamp']);
  const expected = `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  const given = String(headers['x-firstcall-signature']);
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
  return (
    fresh &&
    given.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  );
}

describe('webhooks', () => {
  let ctx: TestContext;
  let admin: Client;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    ctx = await makeTestApp(RECEIVER_ENV);
    admin = await signedIn(ctx, 'admin');
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await receiver.close();
    await ctx.close();
  });

  async function register(events: string[], secret?: string) {
    const res = await admin.post('/api/webhooks', {
      url: receiver.url,
      events,
      ...(secret && { secret }),
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
    return contractData(webhookCreatedResponse, res);
  }
  const deliveries = async (id: number) =>
    contractList(deliveryResponse, await admin.get(`/api/webhooks/${id}/deliveries`).expect(200))
      .data;

  async function escalateWithRequest() {
    const agent = await signedIn(ctx, 'agent');
    const contact = await openContact(agent, { channel: 'phone', customerRef: 'ACC-9' });
    await agent.get(`/api/search?q=fibre+outage&contactId=${contact.id}`).expect(200);
    await agent
      .post(`/api/contacts/${contact.id}/close`, {
        outcome: 'escalated',
        department: 'network',
        reason: 'no article for this',
        needsArticle: true,
      })
      .expect(200);
    return contact;
  }

  it('an admin registers an endpoint; the secret is shown once; bad input is a 400', async () => {
    const given = await register(['contact.closed'], 'a-secret-of-sixteen+');
    expect(given.secret).toBe('a-secret-of-sixteen+');
    const generated = await register(['article.flagged', 'article.flagged']);
    expect(generated.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generated.events).toEqual(['article.flagged']);
    const list = await admin.get('/api/webhooks').expect(200);
    expect(contractData(webhookResponse.array(), list)).toHaveLength(2);
    expect(JSON.stringify(list.body)).not.toContain('a-secret-of-sixteen+');
    for (const [body, field] of [
      [{ url: 'ftp://example.com/x', events: ['contact.closed'] }, 'url'],
      [{ url: 'not a url', events: ['contact.closed'] }, 'url'],
      [{ url: receiver.url, events: [] }, 'events'],
      [{ url: receiver.url, events: ['contact.opened'] }, 'events.0'],
      [{ url: receiver.url, events: ['contact.closed'], secret: 'short' }, 'secret'],
    ] as const) {
      const res = await admin.post('/api/webhooks', body);
      expect(res.status).toBe(400);
      expect(contractError(res)).toMatchObject({ id: 'validation_failed', field });
    }
    const agent = await signedIn(ctx, 'manager');
    expect((await agent.get('/api/webhooks')).status).toBe(403);
    expect(
      (await agent.post('/api/webhooks', { url: receiver.url, events: ['contact.closed'] })).status,
    ).toBe(403);
  });

  it('delivers signed JSON for a closed, escalated contact and its article request', async () => {
    const hook = await register(['contact.closed', 'contact.escalated', 'request.created']);
    const contact = await escalateWithRequest();
    expect(await dispatcherFor(ctx.db).runOnce()).toBe(3);
    const byEvent: Record<string, Received> = Object.fromEntries(
      receiver.received.map((r) => [String(r.headers['x-firstcall-event']), r]),
    );
    expect(Object.keys(byEvent).sort()).toEqual([
      'contact.closed',
      'contact.escalated',
      'request.created',
    ]);
    for (const [event, r] of Object.entries(byEvent)) {
      expect(verify(hook.secret, r.headers, r.body)).toBe(true);
      expect(verify('another-secret-entirely', r.headers, r.body)).toBe(false);
      expect(r.headers['content-type']).toBe('application/json');
      const body = webhookEnvelope(event as 'contact.closed').parse(JSON.parse(r.body));
      expect(r.headers['x-firstcall-event-id']).toBe(body.id);
    }
    const closed = webhookEnvelope('contact.escalated').parse(
      JSON.parse(byEvent['contact.escalated']!.body),
    );
    expect(closed.data.contact).toMatchObject({
      id: contact.id,
      outcome: 'escalated',
      escalatedTo: { slug: 'network' },
      reason: 'no article for this',
      customerRef: 'ACC-9',
    });
    const request = webhookEnvelope('request.created').parse(
      JSON.parse(byEvent['request.created']!.body),
    );
    expect(request.data.request).toMatchObject({
      contactId: contact.id,
      queries: ['fibre outage'],
    });
    const listed = await deliveries(hook.id);
    expect(listed.map((d) => [d.status, d.attempts, d.responseStatus])).toEqual([
      ['delivered', 1, 200],
      ['delivered', 1, 200],
      ['delivered', 1, 200],
    ]);
  });

  it('tells of articles published, validated and flagged', async () => {
    await register(['article.published', 'article.validated', 'article.flagged']);
    const engineer = await signedIn(ctx, 'engineer');
    const article = await createArticle(engineer, {
      title: 'Router reset',
      confidence: 'not_validated',
    });
    await engineer
      .post(`/api/articles/${article.id}/confidence`, { to: 'validated', version: 1 })
      .expect(200);
    const agent = await signedIn(ctx, 'agent');
    await agent
      .post(`/api/articles/${article.id}/flags`, { reason: 'outdated', comment: 'new firmware' })
      .expect(201);
    // a draft is not news
    await createArticle(engineer, { confidence: 'wip', resolution: '' });
    await dispatcherFor(ctx.db).runOnce();
    const events = receiver.received.map(
      (r) =>
        JSON.parse(r.body) as {
          event: string;
          data: Record<string, { id?: number; version?: number; reason?: string }>;
        },
    );
    expect(events.map((e) => e.event).sort()).toEqual([
      'article.flagged',
      'article.published',
      'article.validated',
    ]);
    const validated = events.find((e) => e.event === 'article.validated')!;
    expect(validated.data.article).toMatchObject({
      id: article.id,
      confidence: 'validated',
      version: 2,
    });
    expect(events.find((e) => e.event === 'article.flagged')!.data.flag).toMatchObject({
      reason: 'outdated',
    });
  });

  it('retries after a 500 with backoff, then delivers the same event once', async () => {
    const hook = await register(['contact.closed']);
    receiver.answer(500, 200);
    await escalateWithRequest();
    const dispatcher = dispatcherFor(ctx.db);
    await dispatcher.runOnce();
    const [failed] = await deliveries(hook.id);
    expect(failed).toMatchObject({
      status: 'pending',
      attempts: 1,
      responseStatus: 500,
      lastError: 'answered 500',
    });
    const wait = Date.parse(failed!.nextAttemptAt!) - Date.parse(failed!.lastAttemptAt!);
    expect(wait).toBe(1000);
    // not due yet: nothing is sent
    expect(await dispatcher.runOnce()).toBe(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await dispatcher.runOnce()).toBe(1);
    const [done] = await deliveries(hook.id);
    expect(done).toMatchObject({
      status: 'delivered',
      attempts: 2,
      responseStatus: 200,
      nextAttemptAt: null,
    });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.headers['x-firstcall-event-id']).toBe(
      receiver.received[1]!.headers['x-firstcall-event-id'],
    );
  });

  it('gives up 24 hours after the event, and says so', async () => {
    const hook = await register(['contact.closed']);
    receiver.answer(503);
    await escalateWithRequest();
    await ctx.db.run(`UPDATE webhook_deliveries SET give_up_at = ?`, [
      new Date(Date.now() + 500).toISOString(),
    ]);
    await dispatcherFor(ctx.db).runOnce();
    const [gaveUp] = await deliveries(hook.id);
    expect(gaveUp).toMatchObject({
      status: 'failed',
      attempts: 1,
      responseStatus: 503,
      nextAttemptAt: null,
    });
    const [listed] = contractData(webhookResponse.array(), await admin.get('/api/webhooks'));
    expect(listed).toMatchObject({
      pending: 0,
      failed: 1,
      lastDelivery: { status: 'failed', responseStatus: 503 },
    });
  });

  it('the queue survives a restart, and nothing is sent twice', async () => {
    const hook = await register(['contact.closed']);
    await escalateWithRequest();
    // the app stops before anything was sent; another process opens the same database
    const reopened = await Database.open(ctx.config.databasePath);
    try {
      expect(await dispatcherFor(reopened).runOnce()).toBe(1);
      expect(await dispatcherFor(reopened).runOnce()).toBe(0);
      // two nodes at once share the queue without sending one delivery twice
      await escalateWithRequest();
      const [a, b] = await Promise.all([
        dispatcherFor(reopened).runOnce(),
        dispatcherFor(ctx.db).runOnce(),
      ]);
      expect(a + b).toBe(1);
    } finally {
      await reopened.close();
    }
    expect(receiver.received).toHaveLength(2);
    expect((await deliveries(hook.id)).every((d) => d.status === 'delivered')).toBe(true);
  });

  it('an admin redelivers an event: a new delivery, the same event id', async () => {
    const hook = await register(['contact.closed']);
    await escalateWithRequest();
    await dispatcherFor(ctx.db).runOnce();
    const [first] = await deliveries(hook.id);
    const res = await admin.post(`/api/webhooks/${hook.id}/deliveries/${first!.id}/redeliver`);
    expect(res.status).toBe(201);
    const copy = contractData(deliveryResponse, res);
    expect(copy).toMatchObject({ status: 'pending', attempts: 0, eventId: first!.eventId });
    await dispatcherFor(ctx.db).runOnce();
    expect(receiver.received.map((r) => r.headers['x-firstcall-event-id'])).toEqual([
      first!.eventId,
      first!.eventId,
    ]);
    expect(receiver.received.map((r) => r.body)).toEqual([
      receiver.received[0]!.body,
      receiver.received[0]!.body,
    ]);
    expect((await admin.post(`/api/webhooks/${hook.id}/deliveries/9999/redeliver`)).status).toBe(
      404,
    );
    expect((await admin.get('/api/webhooks/9999/deliveries')).status).toBe(404);
  });

  it('a removed webhook is sent nothing more', async () => {
    const hook = await register(['contact.closed']);
    await escalateWithRequest();
    await admin.delete(`/api/webhooks/${hook.id}`).expect(204);
    expect(await dispatcherFor(ctx.db).runOnce()).toBe(0);
    expect(receiver.received).toHaveLength(0);
    expect((await admin.delete(`/api/webhooks/${hook.id}`)).status).toBe(404);
  });

  it('an address refused at delivery time is not called (the setting changed, or DNS did)', async () => {
    const hook = await register(['contact.closed']);
    await escalateWithRequest();
    await dispatcherFor(ctx.db, false).runOnce();
    expect(receiver.received).toHaveLength(0);
    const [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, responseStatus: null });
    expect(d!.lastError).toMatch(/127\.0\.0\.1 is a loopback or private address/);
  });
});

describe('webhook addresses (SSRF)', () => {
  let ctx: TestContext;
  afterEach(() => ctx.close());
  const attempt = async (url: string) => {
    const admin = await signedIn(ctx, 'admin');
    return admin.post('/api/webhooks', { url, events: ['contact.closed'] });
  };

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://10.1.2.3/hook',
    'http://192.168.0.10/hook',
    'http://172.20.0.1/hook',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://0.0.0.0/hook',
  ])('refuses %s by default', async (url) => {
    ctx = await makeTestApp();
    const res = await attempt(url);
    expect(res.status).toBe(400);
    expect(contractError(res)).toMatchObject({ id: 'webhook_url_refused', field: 'url' });
  });

  it('WEBHOOK_ALLOW_PRIVATE lets the internal network in, never link-local or credentials in the address', async () => {
    ctx = await makeTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true' });
    expect((await attempt('http://127.0.0.1:8080/hook')).status).toBe(201);
    expect((await attempt('http://10.1.2.3/hook')).status).toBe(201);
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://[fe80::1]/hook',
      'http://u:p@10.1.2.3/hook',
    ]) {
      const res = await attempt(url);
      expect(res.status).toBe(400);
      expect(contractError(res).id).toBe('webhook_url_refused');
    }
    const unresolvable = await attempt('http://no-such-host.invalid/hook');
    expect(contractError(unresolvable)).toMatchObject({
      id: 'webhook_url_refused',
      message: expect.stringContaining('does not resolve'),
    });
  });
});
