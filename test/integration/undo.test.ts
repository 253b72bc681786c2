import { contactResponse } from '../../server/contract/contacts';
import { rebuildStatsRollups } from '../../server/stores/statsRollups';
import { makeTestApp, signedInUsers, type Client, type TestContext } from '../helpers/app';
import { contactRow, search } from '../helpers/contacts';
import { contractData } from '../helpers/contract';
import { day } from '../helpers/lifecycle';
import { rollupSnapshot } from '../helpers/rollups';
import { createArticle, openContact, secondAgent } from '../helpers/factories';

describe('POST /api/contacts/:id/undo', () => {
  let ctx: TestContext;
  let u: Record<'agent' | 'engineer' | 'admin' | 'manager', Client>;
  let article: { id: number; slug: string; title: string };

  beforeAll(async () => {
    ctx = await makeTestApp();
    u = await signedInUsers(ctx, ['agent', 'engineer', 'admin', 'manager']);
    article = await createArticle(u.engineer, { title: 'Undo fixture: modem blinks amber' });
  });
  afterAll(() => ctx.close());

  const undo = (c: Client, id: number) => c.post(`/api/contacts/${id}/undo`, {});
  const close = (c: Client, id: number, body: object) =>
    c.post(`/api/contacts/${id}/close`, body).expect(200);
  const summary = async () =>
    (await u.manager.get(`/api/stats/summary?from=${day(-1)}&to=${day(0)}`).expect(200)).body
      .data as Record<string, number | null>;
  const solves30d = async () => {
    const res = await search(u.agent, { q: 'modem blinks amber' }).expect(200);
    return (res.body.data.hits as { id: number; solves30d: number }[]).find(
      (h) => h.id === article.id,
    )!.solves30d;
  };
  /** Moves every action of the contact `seconds` into the past. */
  const age = (id: number, seconds: number) =>
    ctx.db.run(
      `UPDATE contact_actions SET at = strftime('%Y-%m-%dT%H:%M:%fZ', at, ?) WHERE contact_id = ?`,
      [`-${seconds} seconds`, id],
    );

  it('takes back a solve: the contact is open again and the solve counts nowhere', async () => {
    const before = await summary();
    const solvesBefore = await solves30d();
    const c = await openContact(u.agent, { channel: 'phone', customerRef: 'cust-undo-1' });
    await close(u.agent, c.id, { outcome: 'solved', articleId: article.id });
    expect((await summary()).solved).toBe(before.solved! + 1);
    expect(await solves30d()).toBe(solvesBefore + 1);

    const res = await undo(u.agent, c.id).expect(200);
    const back = contractData(contactResponse, res);
    expect(back).toMatchObject({ id: c.id, closedAt: null, outcome: null, article: null });
    const row = await contactRow(ctx, c.id);
    expect(row).toMatchObject({ closed_at: null, outcome: null, article_id: null });
    expect(await summary()).toEqual(before);
    expect(await solves30d()).toBe(solvesBefore);
    // the roll-ups are what a rebuild from the rows gives
    const kept = await rollupSnapshot(ctx);
    await ctx.db.transaction((tx) => rebuildStatsRollups(tx));
    expect(await rollupSnapshot(ctx)).toEqual(kept);

    // and the contact can be closed again, counting once
    await close(u.agent, c.id, { outcome: 'follow_up', note: 'Calls back tomorrow.' });
    expect((await summary()).followUp).toBe(before.followUp! + 1);
    expect((await summary()).contacts).toBe(before.contacts! + 1);
  });

  it('takes back an escalation and the "needs an article" request it filed', async () => {
    const before = await summary();
    const c = await openContact(u.agent);
    await search(u.agent, { q: 'satellite dish undo fixture', contactId: c.id });
    await close(u.agent, c.id, {
      outcome: 'escalated',
      department: 'network',
      reason: 'Nothing in the knowledge base.',
      needsArticle: true,
    });
    const queued = async () =>
      (await u.engineer.get('/api/queue/network').expect(200)).body.data.requests.some(
        (r: { contactIds?: number[]; contactId?: number }) =>
          (r.contactIds ?? [r.contactId]).includes(c.id),
      );
    expect(await queued()).toBe(true);
    const res = await undo(u.agent, c.id).expect(200);
    expect(res.body.data).toMatchObject({ outcome: null, escalatedTo: null, needsArticle: false });
    expect(await queued()).toBe(false);
    expect(
      await ctx.db.get('SELECT id FROM article_requests WHERE contact_id = ?', [c.id]),
    ).toBeUndefined();
    expect(await summary()).toEqual(before);
    const kept = await rollupSnapshot(ctx);
    await ctx.db.transaction((tx) => rebuildStatsRollups(tx));
    expect(await rollupSnapshot(ctx)).toEqual(kept);
  });

  it('takes back a follow-up', async () => {
    const c = await openContact(u.agent);
    await close(u.agent, c.id, { outcome: 'follow_up', note: 'Waiting for a photo.' });
    const res = await undo(u.agent, c.id).expect(200);
    expect(res.body.data).toMatchObject({ outcome: null, closedAt: null, note: null });
  });

  it('takes back a tried mark (the article stays opened), then says nothing is left', async () => {
    const c = await openContact(u.agent);
    await u.agent.post(`/api/contacts/${c.id}/tried`, { articleId: article.id }).expect(200);
    const res = await undo(u.agent, c.id).expect(200);
    expect(res.body.data).toMatchObject({ tried: [], opened: [{ id: article.id }] });
    expect(res.body.data.closedAt).toBeNull();
    const none = await undo(u.agent, c.id).expect(409);
    expect(none.body.error.id).toBe('nothing_to_undo');
  });

  it('takes back the latest action first: the close, then the tried mark', async () => {
    const c = await openContact(u.agent);
    await u.agent.post(`/api/contacts/${c.id}/tried`, { articleId: article.id }).expect(200);
    await close(u.agent, c.id, { outcome: 'follow_up' });
    expect((await undo(u.agent, c.id).expect(200)).body.data.outcome).toBeNull();
    const second = await undo(u.agent, c.id).expect(200);
    expect(second.body.data).toMatchObject({ tried: [], opened: [{ id: article.id }] });
  });

  it('has nothing to undo on a contact without actions', async () => {
    const c = await openContact(u.agent);
    const res = await undo(u.agent, c.id).expect(409);
    expect(res.body.error).toMatchObject({ id: 'nothing_to_undo' });
    expect(res.body.error.message).toMatch(/no outcome/);
  });

  it('refuses after UNDO_SECONDS (default 60) with undo_expired, and changes nothing', async () => {
    const c = await openContact(u.agent);
    await close(u.agent, c.id, { outcome: 'solved', articleId: article.id });
    await age(c.id, 59);
    await undo(u.agent, c.id).expect(200);
    await close(u.agent, c.id, { outcome: 'solved', articleId: article.id });
    await age(c.id, 61);
    const res = await undo(u.agent, c.id).expect(409);
    expect(res.body.error.id).toBe('undo_expired');
    expect(res.body.error.message).toMatch(/60 seconds/);
    expect((await contactRow(ctx, c.id))!.outcome).toBe('solved');
  });

  it('follows UNDO_SECONDS', async () => {
    const short = await makeTestApp({ UNDO_SECONDS: '5' });
    try {
      const s = await signedInUsers(short, ['agent']);
      const c = await openContact(s.agent);
      await s.agent.post(`/api/contacts/${c.id}/close`, { outcome: 'follow_up' }).expect(200);
      await short.db.run(
        `UPDATE contact_actions SET at = strftime('%Y-%m-%dT%H:%M:%fZ', at, '-6 seconds')`,
      );
      const res = await s.agent.post(`/api/contacts/${c.id}/undo`, {}).expect(409);
      expect(res.body.error.message).toMatch(/5 seconds/);
    } finally {
      await short.close();
    }
  });

  it("is the contact's agent's or an admin's to take back", async () => {
    const other = await secondAgent(ctx, 'agent-undo@test.example', 'Other Agent');
    const c = await openContact(u.agent);
    await close(u.agent, c.id, { outcome: 'follow_up' });
    expect((await undo(other.client, c.id).expect(403)).body.error.id).toBe('contact_not_yours');
    expect((await undo(u.manager, c.id).expect(403)).body.error.id).toBe('forbidden');
    expect((await undo(u.agent, 999999).expect(404)).body.error.id).toBe('not_found');
    await undo(u.admin, c.id).expect(200);
    const res = await undo(u.agent, c.id).expect(409);
    expect(res.body.error.id).toBe('nothing_to_undo');
    // a body is refused: undo takes back the latest action, nothing else
    await close(u.agent, c.id, { outcome: 'follow_up' });
    const bad = await u.agent.post(`/api/contacts/${c.id}/undo`, { articleId: 1 }).expect(400);
    expect(bad.body.error.id).toBe('validation_failed');
  });

  it('is audited, with what was taken back', async () => {
    const c = await openContact(u.agent);
    await close(u.agent, c.id, { outcome: 'solved', articleId: article.id });
    await undo(u.agent, c.id).expect(200);
    const res = await u.admin.get(`/api/audit?entity=contact&entityId=${c.id}`).expect(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        action: 'contact.undo',
        entity: 'contact',
        entityId: c.id,
        detail: { undone: 'solved', articleId: article.id },
      }),
    ]);
  });

  it('takes back the automatic validation that the undone solve brought', async () => {
    await u.admin.patch('/api/settings', { promoteThreshold: 1 }).expect(200);
    const fresh = await createArticle(u.engineer, {
      title: 'Undo fixture: proven by one solve',
      confidence: 'not_validated',
    });
    const confidence = async () =>
      (await u.engineer.get(`/api/articles/${fresh.slug}`).expect(200)).body.data.confidence;
    const c = await openContact(u.agent);
    await close(u.agent, c.id, { outcome: 'solved', articleId: fresh.id });
    expect(await confidence()).toBe('validated');
    await undo(u.agent, c.id).expect(200);
    expect(await confidence()).toBe('not_validated');
    const history = await u.engineer.get(`/api/articles/${fresh.slug}/versions`).expect(200);
    expect(history.body.data[0]).toMatchObject({ kind: 'auto', confidence: 'not_validated' });
    expect(history.body.data[0].note).toMatch(/solve that validated it was undone/);
    await u.admin.patch('/api/settings', { promoteThreshold: 3 }).expect(200);
  });
});
