import { z } from 'zod';
import {
  articleResponse,
  articleSummaryResponse,
  versionResponse,
} from '../../server/contract/articleResponses';
import { departmentResponse } from '../../server/contract/departments';
import { previewResponse } from '../../server/contract/preview';
import { makeTestApp, signedIn, type Client, type TestContext } from '../helpers/app';
import { contractData, contractError } from '../helpers/contract';
import { articleInput } from '../helpers/factories';

describe('articles API', () => {
  let ctx: TestContext;
  let engineer: Client;
  beforeEach(async () => {
    ctx = await makeTestApp();
    engineer = await signedIn(ctx, 'engineer');
  });
  afterEach(() => ctx.close());

  const stored = (id: number) =>
    ctx.db.get<Record<string, unknown>>('SELECT * FROM articles WHERE id = ?', [id]);

  it('creates an article with every field, renders and stores sanitized HTML, keeps version 1', async () => {
    const input = articleInput({
      errorCodes: ['E-1043', 'HTTP 503'],
      resolution:
        '1. Click [here](javascript:alert(1))\n2. <script>alert(2)</script>Reboot <img src=x onerror=alert(3)>',
      verifyBy: '2027-02-01',
      note: 'first draft',
    });
    const res = await engineer.post('/api/articles', input);
    expect(res.status).toBe(201);
    contractData(articleResponse, res);
    const a = res.body.data;
    expect(a).toMatchObject({
      slug: expect.stringMatching(/^modem-reboots-every-night-\d+$/),
      title: input.title,
      errorCodes: ['E-1043', 'HTTP 503'],
      products: ['FH-300 router'],
      tags: ['reboot'],
      department: { slug: 'network', name: 'Network Engineering' },
      owner: { name: 'Engineer N' },
      audience: 'agents',
      confidence: 'validated',
      verifyBy: '2027-02-01',
      version: 1,
    });
    expect(a.resolutionHtml).toContain('<ol>');
    expect(a.resolutionHtml).not.toMatch(/javascript:|<script|onerror/);
    const row = await stored(a.id);
    expect(row!.resolution_html).toBe(a.resolutionHtml);
    expect(row!.resolution).toBe(input.resolution); // the source is kept as written
    const versions = await engineer.get(`/api/articles/${a.id}/versions`).expect(200);
    contractData(z.array(versionResponse), versions);
    expect(versions.body.data).toEqual([
      {
        version: 1,
        kind: 'create',
        restoredFrom: null,
        author: { id: expect.any(Number), name: 'Engineer N' },
        note: 'first draft',
        confidence: 'validated',
        createdAt: expect.any(String),
      },
    ]);
  });

  it('reads by id or slug', async () => {
    const { body } = await engineer.post('/api/articles', articleInput()).expect(201);
    const bySlug = await engineer.get(`/api/articles/${body.data.slug}`).expect(200);
    expect(bySlug.body.data.id).toBe(body.data.id);
    await engineer.get('/api/articles/no-such-article').expect(404);
  });

  it('updates with the version it started from and keeps every version', async () => {
    const { body } = await engineer.post('/api/articles', articleInput()).expect(201);
    const res = await engineer.patch(`/api/articles/${body.data.id}`, {
      version: 1,
      title: 'Modem reboots at 3am',
      note: 'clearer title',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      title: 'Modem reboots at 3am',
      version: 2,
      updatedBy: { name: 'Engineer N' },
    });
    contractData(articleResponse, res);
    const versions = await engineer.get(`/api/articles/${body.data.id}/versions`).expect(200);
    expect(
      versions.body.data.map((v: { version: number; note: string }) => [v.version, v.note]),
    ).toEqual([
      [2, 'clearer title'],
      [1, 'Created'],
    ]);
    const snapshot = await ctx.db.get<{ title: string }>(
      'SELECT title FROM article_versions WHERE article_id = ? AND version = 1',
      [body.data.id],
    );
    expect(snapshot!.title).toBe(body.data.title);
  });

  it('answers 409 to a save from a stale version and changes nothing', async () => {
    const { body } = await engineer.post('/api/articles', articleInput()).expect(201);
    await engineer
      .patch(`/api/articles/${body.data.id}`, { version: 1, title: 'First editor wins' })
      .expect(200);
    const before = await stored(body.data.id);
    const res = await engineer.patch(`/api/articles/${body.data.id}`, {
      version: 1,
      title: 'Second editor, stale',
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ id: 'article_version_conflict', field: 'version' });
    expect(await stored(body.data.id)).toEqual(before);
    const versions = await ctx.db.get<{ n: number }>(
      'SELECT count(*) AS n FROM article_versions WHERE article_id = ?',
      [body.data.id],
    );
    expect(versions!.n).toBe(2);
  });

  it('requires the version on update', async () => {
    const { body } = await engineer.post('/api/articles', articleInput()).expect(201);
    const res = await engineer.patch(`/api/articles/${body.data.id}`, {
      title: 'No version given',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'validation_failed', field: 'version' });
  });

  it('does not create a version when nothing changed', async () => {
    const { body } = await engineer.post('/api/articles', articleInput()).expect(201);
    const res = await engineer.patch(`/api/articles/${body.data.id}`, {
      version: 1,
      title: body.data.title,
    });
    expect(res.body.data.version).toBe(1);
  });

  it.each([
    [{ title: 'ab' }, 'title'],
    [{ issue: '' }, 'issue'],
    [{ department: 'nowhere' }, 'department'],
    [{ confidence: 'approved' }, 'confidence'],
    [{ audience: 'everyone' }, 'audience'],
    [{ errorCodes: 'E-1' }, 'errorCodes'],
    [{ verifyBy: '2027-02-30' }, 'verifyBy'],
    [{ slug: 'Not A Slug' }, 'slug'],
    [{ confidence: 'validated', resolution: '   ' }, 'resolution'],
    [{ sneaky: true }, 'sneaky'],
  ])('rejects bad input %j with a 400 naming the field', async (override, field) => {
    const res = await engineer.post('/api/articles', articleInput(override));
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ id: 'validation_failed', message: expect.any(String), field });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|SQLITE|stack/i);
  });

  it('answers 409 for a slug that is taken', async () => {
    await engineer.post('/api/articles', articleInput({ slug: 'one-slug' })).expect(201);
    const res = await engineer.post('/api/articles', articleInput({ slug: 'one-slug' }));
    expect(res.status).toBe(409);
    expect(res.body.error.id).toBe('slug_taken');
  });

  it('keeps engineers to their own department', async () => {
    const res = await engineer.post('/api/articles', articleInput({ department: 'billing' }));
    expect(res.status).toBe(403);
    const billing = await signedIn(ctx, 'billingEngineer');
    const { body } = await billing
      .post('/api/articles', articleInput({ department: 'billing' }))
      .expect(201);
    expect(
      (await engineer.patch(`/api/articles/${body.data.id}`, { version: 1, title: 'Hijacked' }))
        .status,
    ).toBe(403);
    expect((await stored(body.data.id))!.title).toBe(body.data.title);
  });

  it('hides wip, archived and internal articles from agents (404) and the cause too', async () => {
    const make = async (o: Record<string, unknown>) =>
      (await engineer.post('/api/articles', articleInput(o)).expect(201)).body.data;
    const wip = await make({ confidence: 'wip', resolution: '' });
    const archived = await make({ confidence: 'archived' });
    const internal = await make({ audience: 'internal' });
    const visible = await make({ confidence: 'not_validated' });
    const agent = await signedIn(ctx, 'agent');
    for (const a of [wip, archived, internal])
      expect((await agent.get(`/api/articles/${a.id}`)).status).toBe(404);
    const seen = await agent.get(`/api/articles/${visible.id}`).expect(200);
    expect(seen.body.data).not.toHaveProperty('cause');
    expect(seen.body.data).not.toHaveProperty('causeHtml');
    contractData(articleResponse, seen);
    const list = await agent.get('/api/articles').expect(200);
    contractData(z.array(articleSummaryResponse), list);
    expect(list.body.data.map((a: { id: number }) => a.id)).toEqual([visible.id]);
    const engineerView = await engineer.get(`/api/articles/${visible.id}`).expect(200);
    expect(engineerView.body.data.cause).toBe('Default maintenance schedule.');
  });

  it('lists with filters: department, confidence, product, tag', async () => {
    const admin = await signedIn(ctx, 'admin');
    await admin
      .post(
        '/api/articles',
        articleInput({ department: 'billing', products: ['Invoice'], tags: ['refund'] }),
      )
      .expect(201);
    await admin
      .post(
        '/api/articles',
        articleInput({ department: 'network', confidence: 'not_validated', tags: ['wifi'] }),
      )
      .expect(201);
    const ids = async (q: string) =>
      (await admin.get(`/api/articles?${q}`).expect(200)).body.data.map(
        (a: { department: { slug: string } }) => a.department.slug,
      );
    expect(await ids('department=billing')).toEqual(['billing']);
    expect(await ids('confidence=not_validated')).toEqual(['network']);
    expect(await ids('product=invoice')).toEqual(['billing']);
    expect(await ids('tag=wifi')).toEqual(['network']);
    expect(await ids('department=nowhere')).toEqual([]);
    const bad = await admin.get('/api/articles?confidence=approved');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('confidence');
  });

  it('answers 413 to an oversized body and 400 to malformed JSON, never 500', async () => {
    const big = await engineer.post(
      '/api/articles',
      articleInput({ resolution: 'x'.repeat(300 * 1024) }),
    );
    expect(big.status).toBe(413);
    expect(big.body.error.id).toBe('payload_too_large');
    contractError(big);
    const malformed = await engineer.agent
      .post('/api/articles')
      .set('X-CSRF-Token', engineer.token)
      .set('Content-Type', 'application/json')
      .send('{"title": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.id).toBe('invalid_json');
    contractError(malformed);
  });

  it('answers the departments and the editor preview in the contract’s shape', async () => {
    const departments = await engineer.get('/api/departments').expect(200);
    contractData(z.array(departmentResponse), departments);
    const preview = await engineer.post('/api/preview', { markdown: '1. **Reboot**' }).expect(200);
    expect(contractData(previewResponse, preview).html).toContain('<strong>Reboot</strong>');
  });

  it('answers unknown API routes with a 404 in the error format', async () => {
    const res = await engineer.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.id).toBe('not_found');
    contractError(res);
  });
});
