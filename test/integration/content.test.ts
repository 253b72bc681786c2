import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { DEFAULT_CONTENT_DIR } from '../../server/paths';
import { exportDirectory, importDirectory } from '../../server/content/importExport';
import { seed, DEMO_TEAM, DEMO_USERS } from '../../server/content/seed';
import { countUsers } from '../../server/stores/users';
import { makeTestApp, signedIn, USERS, type Client, type TestContext } from '../helpers/app';
import { createArticle } from '../helpers/factories';

const countVersions = async (ctx: TestContext) =>
  (await ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM article_versions'))!.n;

describe('content import and export', () => {
  let ctx: TestContext;
  let tmp: string;
  beforeEach(async () => {
    ctx = await makeTestApp();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-content-'));
  });
  afterEach(async () => {
    await ctx.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('imports the shipped seed content without errors, over 5+ departments', async () => {
    const report = await importDirectory(ctx, DEFAULT_CONTENT_DIR);
    expect(report.errors).toEqual([]);
    expect(report.created.length).toBeGreaterThanOrEqual(40);
    const departments = await ctx.db.all('SELECT DISTINCT department_id FROM articles');
    expect(departments.length).toBeGreaterThanOrEqual(5);
    expect(ctx.search.size).toBe(report.created.length);
    // importing again is idempotent (keyed by slug)
    const again = await importDirectory(ctx, DEFAULT_CONTENT_DIR);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged.length).toBe(report.created.length);
  });

  it('round-trips every field: export then import changes nothing', async () => {
    await importDirectory(ctx, DEFAULT_CONTENT_DIR);
    const before = await ctx.db.all('SELECT * FROM articles ORDER BY id');
    const versions = await countVersions(ctx);
    const exported = await exportDirectory(ctx.db, tmp);
    expect(exported).toBe(before.length);
    const report = await importDirectory(ctx, tmp);
    expect(report.errors).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(await ctx.db.all('SELECT * FROM articles ORDER BY id')).toEqual(before);
    expect(await countVersions(ctx)).toBe(versions);
  });

  it('turns an edited file into exactly one new version of the same article', async () => {
    const engineer = await signedIn(ctx, 'engineer');
    await importDirectory(ctx, DEFAULT_CONTENT_DIR);
    await exportDirectory(ctx.db, tmp);
    const file = path.join(tmp, 'network', 'router-orange-led-after-firmware-update.md');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace(/^title: .*$/m, 'title: Router LED orange after update (edited)'),
    );
    const versions = await countVersions(ctx);
    const report = await importDirectory(ctx, tmp);
    expect(report.updated).toEqual(['network/router-orange-led-after-firmware-update.md']);
    expect(await countVersions(ctx)).toBe(versions + 1);
    const res = await engineer
      .get('/api/articles/router-orange-led-after-firmware-update')
      .expect(200);
    expect(res.body.data).toMatchObject({
      title: 'Router LED orange after update (edited)',
      version: 2,
    });
  });

  it('reports invalid files with the file name and reason, and still imports the valid ones', async () => {
    fs.copyFileSync(
      path.join(DEFAULT_CONTENT_DIR, 'departments.yml'),
      path.join(tmp, 'departments.yml'),
    );
    fs.mkdirSync(path.join(tmp, 'network'));
    fs.mkdirSync(path.join(tmp, 'nowhere'));
    const good =
      '---\ntitle: Good article\nconfidence: validated\n---\n## Issue\nIt breaks.\n## Resolution\n1. Fix it.\n';
    fs.writeFileSync(path.join(tmp, 'network', 'good-article.md'), good);
    fs.writeFileSync(
      path.join(tmp, 'network', 'no-title.md'),
      '---\nconfidence: wip\n---\n## Issue\nx\n',
    );
    fs.writeFileSync(
      path.join(tmp, 'network', 'no-resolution.md'),
      '---\ntitle: Published without steps\nconfidence: validated\n---\n## Issue\nx\n',
    );
    fs.writeFileSync(path.join(tmp, 'network', 'Bad Name.md'), good);
    fs.writeFileSync(
      path.join(tmp, 'network', 'broken-yaml.md'),
      '---\ntitle: [unclosed\n---\n## Issue\nx\n',
    );
    fs.writeFileSync(path.join(tmp, 'nowhere', 'orphan.md'), good);
    const report = await importDirectory(ctx, tmp);
    expect(report.created).toEqual(['network/good-article.md']);
    const reasons = Object.fromEntries(report.errors.map((e) => [e.file, e.reason]));
    expect(Object.keys(reasons).sort()).toEqual(
      [
        'network/Bad Name.md',
        'network/broken-yaml.md',
        'network/no-resolution.md',
        'network/no-title.md',
        'nowhere/orphan.md',
      ].sort(),
    );
    expect(reasons['network/no-title.md']).toMatch(/^title:/);
    expect(reasons['network/no-resolution.md']).toMatch(/^resolution:/);
    expect(reasons['network/Bad Name.md']).toMatch(/^slug:/);
    expect(reasons['nowhere/orphan.md']).toMatch(/unknown department/);
  });
});

describe('seeding', () => {
  it('creates demo users, content and demo history on first start in development, once', async () => {
    const ctx = await makeTestApp();
    try {
      const config = loadConfig({
        NODE_ENV: 'development',
        DATABASE_PATH: ctx.config.databasePath,
      });
      const users = await countUsers(ctx.db);
      const first = await seed(ctx, config, createLogger('silent'));
      expect(first.imported!.created.length).toBeGreaterThanOrEqual(40);
      expect(first.demoUsers).toEqual(DEMO_USERS.map((u) => u.email));
      const demo = DEMO_USERS.length + DEMO_TEAM.length;
      expect(await countUsers(ctx.db)).toBe(users + demo);
      expect(first.history!.contacts).toBeGreaterThan(1000);
      const second = await seed(ctx, config, createLogger('silent'));
      expect(second.imported).toBeNull(); // the database is the source of truth now
      expect(second.history).toBeNull();
      expect(await countUsers(ctx.db)).toBe(users + demo);
    } finally {
      await ctx.close();
    }
  }, 60_000); // 90 days of demo history: about 8 s here, more on a slow machine

  it('never creates demo users in production', async () => {
    const ctx = await makeTestApp();
    try {
      const config = loadConfig({
        NODE_ENV: 'production',
        DATABASE_PATH: ctx.config.databasePath,
        SESSION_SECRET: 'a-production-secret-that-is-long-enough',
      });
      const users = await countUsers(ctx.db);
      const result = await seed(ctx, config, createLogger('silent'));
      expect(result.demoUsers).toEqual([]);
      expect(await countUsers(ctx.db)).toBe(users);
      expect(result.imported!.created.length).toBeGreaterThanOrEqual(40);
    } finally {
      await ctx.close();
    }
  });
});

describe('docs as code: articles written through the API', () => {
  let ctx: TestContext;
  let tmp: string;
  let engineer: Client;
  beforeEach(async () => {
    ctx = await makeTestApp();
    engineer = await signedIn(ctx, 'engineer');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-content-'));
  });
  afterEach(async () => {
    await ctx.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const articles = () => ctx.db.all<Record<string, unknown>>('SELECT * FROM articles ORDER BY id');
  const versionsOf = (id: number) =>
    ctx.db.all<{ version: number; kind: string; note: string; author_id: number | null }>(
      'SELECT version, kind, note, author_id FROM article_versions WHERE article_id = ? ORDER BY version',
      [id],
    );
  const file = (department: string, slug: string) => path.join(tmp, department, `${slug}.md`);
  const edit = (f: string, from: RegExp | string, to: string) => {
    const before = fs.readFileSync(f, 'utf8');
    const after = before.replace(from, to);
    expect(after).not.toBe(before); // the test really edits the file
    fs.writeFileSync(f, after);
  };

  /** One of each: every field set, wip, archived, internal, not validated, verified, another department. */
  async function fixture() {
    const admin = await signedIn(ctx, 'admin');
    const full = await createArticle(engineer, {
      slug: 'router-blinks-red',
      title: 'Router blinks red: "E-1043" after update',
      errorCodes: ['E-1043', 'HTTP 503'],
      products: ['FH-300 router', 'Fibre 500'],
      tags: ['led', 'firmware'],
      audience: 'agents',
      verifyIntervalDays: 14,
      owner: USERS.engineer.email,
    });
    const wip = await createArticle(engineer, {
      slug: 'draft-fix',
      confidence: 'wip',
      resolution: '',
    });
    const archived = await createArticle(engineer, { slug: 'old-fix', confidence: 'archived' });
    const internal = await createArticle(engineer, { slug: 'runbook', audience: 'internal' });
    const pending = await createArticle(engineer, {
      slug: 'pending-fix',
      confidence: 'not_validated',
      verifyBy: '2027-03-01',
    });
    const verified = await createArticle(engineer, {
      slug: 'verified-fix',
      verifyBy: '2020-01-01',
    });
    await engineer.post(`/api/articles/${verified.id}/verify`, { version: 1 }).expect(200);
    const billing = await createArticle(admin, { slug: 'refund-delay', department: 'billing' });
    return { full, wip, archived, internal, pending, verified, billing };
  }

  it('export → import changes nothing: no new version, every column the same', async () => {
    const made = await fixture();
    const before = await articles();
    const versions = await countVersions(ctx);
    expect(await exportDirectory(ctx.db, tmp)).toBe(before.length);
    const report = await importDirectory(ctx, tmp);
    expect(report).toEqual({
      departments: { created: [], changed: [] },
      created: [],
      updated: [],
      unchanged: expect.any(Array),
      errors: [],
    });
    expect(report.unchanged).toHaveLength(before.length);
    expect(await articles()).toEqual(before);
    expect(await countVersions(ctx)).toBe(versions);
    // the front matter carries every field
    const text = fs.readFileSync(file('network', made.full.slug), 'utf8');
    for (const line of [
      /^title: .*E-1043.*$/m,
      /^department: network$/m,
      /^audience: agents$/m,
      /^confidence: validated$/m,
      /^verifyIntervalDays: 14$/m,
      /^owner: engineer@test\.example$/m,
      /^verifyBy: /m,
      /^errorCodes:/m,
      /^products:/m,
      /^tags:/m,
    ])
      expect(text).toMatch(line);
    expect(text).toMatch(/^## Cause\nDefault maintenance schedule\.$/m);
  });

  it.each([
    ['a trailing newline', { resolution: '1. Open the router page.\n2. Save.\n' }],
    [
      'a cause starting with an indented code block',
      { cause: '    firmware 2.1 resets the schedule\n\nSee the changelog.' },
    ],
  ])('export → import changes nothing for Markdown with %s', async (_, fields) => {
    const a = await createArticle(engineer, { slug: 'editor-markdown', ...fields });
    const before = await ctx.db.get('SELECT * FROM articles WHERE id = ?', [a.id]);
    await exportDirectory(ctx.db, tmp);
    const report = await importDirectory(ctx, tmp);
    expect(report.updated).toEqual([]);
    expect(await versionsOf(a.id)).toHaveLength(1);
    expect(await ctx.db.get('SELECT * FROM articles WHERE id = ?', [a.id])).toEqual(before);
  });

  it('turns one edited file into exactly one new version (kind import) of that article, no duplicate', async () => {
    const made = await fixture();
    await exportDirectory(ctx.db, tmp);
    const before = await articles();
    const versions = await countVersions(ctx);
    edit(file('network', made.full.slug), '3. Save.', '3. Save and restart the router.');
    const report = await importDirectory(ctx, tmp);
    expect(report.errors).toEqual([]);
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([`network/${made.full.slug}.md`]);
    expect(await countVersions(ctx)).toBe(versions + 1);
    const after = await articles();
    expect(after).toHaveLength(before.length);
    // only that article changed
    expect(after.filter((r) => r.id !== made.full.id)).toEqual(
      before.filter((r) => r.id !== made.full.id),
    );
    expect(await versionsOf(made.full.id)).toEqual([
      { version: 1, kind: 'create', note: 'Created', author_id: expect.any(Number) },
      {
        version: 2,
        kind: 'import',
        note: `Imported from network/${made.full.slug}.md`,
        author_id: null,
      },
    ]);
    const read = await engineer.get(`/api/articles/${made.full.slug}`).expect(200);
    expect(read.body.data).toMatchObject({
      id: made.full.id,
      version: 2,
      resolution: expect.stringContaining('3. Save and restart the router.'),
      verifyIntervalDays: 14,
      errorCodes: ['E-1043', 'HTTP 503'],
      owner: { name: USERS.engineer.name },
    });
    expect(read.body.data.resolutionHtml).toContain('Save and restart the router.');
    // importing the same files again changes nothing more
    expect((await importDirectory(ctx, tmp)).updated).toEqual([]);
    expect(await countVersions(ctx)).toBe(versions + 1);
  });

  it('reports an invalid file with its name and reason; the valid edits still import', async () => {
    const made = await fixture();
    await exportDirectory(ctx.db, tmp);
    const pendingBefore = await ctx.db.get('SELECT * FROM articles WHERE id = ?', [
      made.pending.id,
    ]);
    edit(file('network', made.full.slug), /^title: .*$/m, 'title: Router blinks red (edited)');
    edit(file('network', made.pending.slug), /^confidence: .*$/m, 'confidence: approved');
    edit(file('billing', made.billing.slug), /^title: .*$/m, 'title: Refund delay (edited)');
    fs.writeFileSync(file('network', 'broken'), '---\ntitle: [unclosed\n---\n## Issue\nx\n');
    const report = await importDirectory(ctx, tmp);
    expect(report.updated.sort()).toEqual(
      [`network/${made.full.slug}.md`, `billing/${made.billing.slug}.md`].sort(),
    );
    const reasons = Object.fromEntries(report.errors.map((e) => [e.file, e.reason]));
    expect(Object.keys(reasons).sort()).toEqual(
      ['network/broken.md', `network/${made.pending.slug}.md`].sort(),
    );
    expect(reasons[`network/${made.pending.slug}.md`]).toMatch(/^confidence:/);
    expect(reasons['network/broken.md']).toEqual(expect.any(String));
    expect(await ctx.db.get('SELECT * FROM articles WHERE id = ?', [made.pending.id])).toEqual(
      pendingBefore,
    );
    expect(await ctx.db.get("SELECT count(*) AS n FROM articles WHERE slug = 'broken'")).toEqual({
      n: 0,
    });
    const titles = await ctx.db.all<{ title: string }>(
      'SELECT title FROM articles WHERE id IN (?, ?) ORDER BY id',
      [made.full.id, made.billing.id],
    );
    expect(titles.map((t) => t.title)).toEqual([
      'Router blinks red (edited)',
      'Refund delay (edited)',
    ]);
  });

  it('carries verifyIntervalDays to a fresh installation, and an edited interval becomes a new version', async () => {
    const a = await createArticle(engineer, { slug: 'interval-fix', verifyIntervalDays: 21 });
    const stored = await ctx.db.get<{ verify_by: string; verify_interval_days: number }>(
      'SELECT verify_by, verify_interval_days FROM articles WHERE id = ?',
      [a.id],
    );
    await exportDirectory(ctx.db, tmp);
    expect(fs.readFileSync(file('network', 'interval-fix'), 'utf8')).toMatch(
      /^verifyIntervalDays: 21$/m,
    );
    const fresh = await makeTestApp();
    try {
      const report = await importDirectory(fresh, tmp);
      expect(report).toMatchObject({ created: ['network/interval-fix.md'], errors: [] });
      expect(
        await fresh.db.get(
          "SELECT verify_by, verify_interval_days FROM articles WHERE slug = 'interval-fix'",
        ),
      ).toEqual(stored);
    } finally {
      await fresh.close();
    }
    edit(file('network', 'interval-fix'), /^verifyIntervalDays: 21$/m, 'verifyIntervalDays: 30');
    expect((await importDirectory(ctx, tmp)).updated).toEqual(['network/interval-fix.md']);
    expect(
      await ctx.db.get('SELECT verify_interval_days, version FROM articles WHERE id = ?', [a.id]),
    ).toEqual({ verify_interval_days: 30, version: 2 });
  });
});
