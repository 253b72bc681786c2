import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { DEFAULT_CONTENT_DIR } from '../../server/paths';
import { exportDirectory, importDirectory } from '../../server/services/content';
import { seed, DEMO_TEAM, DEMO_USERS } from '../../server/services/seed';
import { countUsers } from '../../server/stores/users';
import { makeTestApp, signedIn, type TestContext } from '../helpers/app';

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
  });

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
