import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { departmentResponse } from '../../server/contract/departments';
import { importDirectory } from '../../server/content/importExport';
import { createUser } from '../../server/services/users/users';
import { makeTestApp, signedIn, type Client, type TestContext } from '../helpers/app';
import { contractData, contractError } from '../helpers/contract';

/** A 4xx with its stable id, in the contract's error shape; returns the error. */
function fails(res: { status: number; body: unknown }, status: number, id: string) {
  expect(res.status).toBe(status);
  const error = contractError(res);
  expect(error.id).toBe(id);
  return error;
}
import { createArticle, openContact } from '../helpers/factories';

describe('departments administered in the product', () => {
  let ctx: TestContext;
  let admin: Client;
  let agent: Client;
  let engineer: Client;
  beforeAll(async () => {
    ctx = await makeTestApp();
    admin = await signedIn(ctx, 'admin');
    agent = await signedIn(ctx, 'agent');
    engineer = await signedIn(ctx, 'engineer');
  });
  afterAll(() => ctx.close());

  const audit = (action: string) =>
    ctx.db.all<{ detail: string }>(
      `SELECT detail FROM audit_log WHERE entity = 'department' AND action = ? ORDER BY id`,
      [action],
    );

  it('an admin creates one; everyone lists it', async () => {
    const res = await admin
      .post('/api/departments', { slug: 'mobile', name: 'Mobile Apps', kind: 'engineering' })
      .expect(201);
    expect(contractData(departmentResponse, res)).toMatchObject({
      slug: 'mobile',
      name: 'Mobile Apps',
      kind: 'engineering',
      archived: false,
    });
    const list = await agent.get('/api/departments').expect(200);
    expect(list.body.data.map((d: { slug: string }) => d.slug)).toContain('mobile');
    expect(await audit('department.create')).toHaveLength(1);
  });

  it('refuses others, bad input and a taken slug with clear 4xx errors', async () => {
    const body = { slug: 'tv', name: 'TV', kind: 'engineering' };
    fails(await engineer.post('/api/departments', body), 403, 'forbidden');
    fails(await agent.patch('/api/departments/network', { name: 'X' }), 403, 'forbidden');
    const bad = await admin.post('/api/departments', { ...body, slug: 'Bad Slug!' });
    expect(fails(bad, 400, 'validation_failed').field).toBe('slug');
    fails(
      await admin.post('/api/departments', { ...body, kind: 'sales' }),
      400,
      'validation_failed',
    );
    fails(await admin.post('/api/departments', { ...body, extra: 1 }), 400, 'validation_failed');
    fails(
      await admin.post('/api/departments', { slug: 'network', name: 'Again', kind: 'engineering' }),
      409,
      'department_exists',
    );
    fails(await admin.patch('/api/departments/network', {}), 400, 'validation_failed');
    fails(await admin.patch('/api/departments/nowhere', { name: 'X' }), 404, 'not_found');
  });

  it('renames and changes kind, audited with what changed', async () => {
    const res = await admin
      .patch('/api/departments/mobile', { name: 'Mobile', kind: 'frontline' })
      .expect(200);
    expect(contractData(departmentResponse, res)).toMatchObject({
      name: 'Mobile',
      kind: 'frontline',
    });
    const [entry] = await audit('department.update');
    expect(JSON.parse(entry!.detail)).toEqual({
      name: { from: 'Mobile Apps', to: 'Mobile' },
      kind: { from: 'engineering', to: 'frontline' },
    });
    // the same values again change nothing and log nothing
    await admin.patch('/api/departments/mobile', { name: 'Mobile' }).expect(200);
    expect(await audit('department.update')).toHaveLength(1);
  });

  it('an archived department keeps its articles but takes no new users or escalations', async () => {
    const article = await createArticle(engineer, { title: 'Billing portal blank page' });
    const res = await admin.patch('/api/departments/billing', { archived: true }).expect(200);
    expect(res.body.data.archived).toBe(true);
    expect(await audit('department.archive')).toHaveLength(1);

    // its articles and history stay readable and findable
    await agent.get(`/api/articles/${article.id}`).expect(200);
    const found = await agent.get('/api/search?q=billing%20portal%20blank').expect(200);
    expect(found.body.data.hits.map((h: { id: number }) => h.id)).toContain(article.id);

    // no escalation to it
    const contact = await openContact(agent);
    const refused = await agent.post(`/api/contacts/${contact.id}/close`, {
      outcome: 'escalated',
      department: 'billing',
      reason: 'card declined',
    });
    expect(fails(refused, 400, 'department_archived').field).toBe('department');
    // no new user in it
    await expect(
      createUser(ctx.db, {
        email: 'new@test.example',
        name: 'New Person',
        role: 'agent',
        department: 'billing',
        password: 'a long enough password',
      }),
    ).rejects.toMatchObject({ status: 400, id: 'department_archived' });

    // back in service
    await admin.patch('/api/departments/billing', { archived: false }).expect(200);
    expect(await audit('department.unarchive')).toHaveLength(1);
    await agent
      .post(`/api/contacts/${contact.id}/close`, {
        outcome: 'escalated',
        department: 'billing',
        reason: 'card declined',
      })
      .expect(200);
  });

  it('departments.yml import reports what it created and changed, and keeps the archive', async () => {
    await admin.patch('/api/departments/platform', { archived: true }).expect(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-departments-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'departments.yml'),
        [
          '- { slug: network, name: Network Engineering, kind: engineering }',
          '- { slug: platform, name: Platform Team, kind: engineering }',
          '- { slug: security, name: Security, kind: engineering }',
        ].join('\n'),
      );
      const report = await importDirectory(ctx, dir);
      expect(report.errors).toEqual([]);
      expect(report.departments).toEqual({
        created: ['security'],
        changed: [{ slug: 'platform', name: 'Platform → Platform Team' }],
      });
      const list = await agent.get('/api/departments').expect(200);
      const platform = list.body.data.find((d: { slug: string }) => d.slug === 'platform');
      expect(platform).toMatchObject({ name: 'Platform Team', archived: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
