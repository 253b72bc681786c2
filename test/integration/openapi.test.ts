import fs from 'node:fs';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import express from 'express';
import request from 'supertest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { ROOT } from '../../server/paths';
import { makeTestApp, type TestContext } from '../helpers/app';
import { checkResponses, violations } from '../helpers/openapiCheck';
import { listRoutes } from '../helpers/routes';

type Doc = { paths: Record<string, Record<string, unknown>>; webhooks: Record<string, unknown> };

describe('OpenAPI document', () => {
  let ctx: TestContext;
  let doc: Doc;
  beforeAll(async () => {
    ctx = await makeTestApp();
    const res = await request(ctx.app).get('/api/openapi.json').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.body as Doc;
  });
  afterAll(() => ctx.close());

  const documented = () =>
    Object.entries(doc.paths)
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();

  it('is valid OpenAPI 3.1 for a real validator', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect((doc as unknown as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('describes exactly the routes Express serves, the company sign-in included', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_PATH: ctx.config.databasePath,
      SESSION_SECRET: 'x'.repeat(40),
      METRICS_TOKEN: 'm'.repeat(20),
      OIDC_ISSUER: 'https://idp.example.com',
      OIDC_CLIENT_ID: 'firstcall',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_REDIRECT_URI: 'https://kb.example.com/api/auth/oidc/callback',
      OIDC_ROLE_MAP: 'kb-agents=agent',
    });
    const app = createApp({
      config,
      db: ctx.db,
      search: ctx.search,
      logger: createLogger('silent'),
    });
    // the reference page's script is an asset of GET /api/docs
    const served = listRoutes(app).filter((r) => r !== 'GET /api/docs/init.js');
    expect(documented()).toEqual(served);
  });

  it("holds every route of the README's API table", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## API'));
    const named = [...table.matchAll(/`(GET|POST|PATCH|DELETE) (\/[^`?\s]*)/g)].map(
      ([, method, p]) => `${method} ${p!.replace(/:(\w+)/g, '{$1}')}`,
    );
    expect(named.length).toBeGreaterThan(50);
    // a README route is documented when a template matches it (`/api/queue/flags/{id}/resolve`
    // is `/api/queue/{kind}/{id}/resolve`; `:idOrSlug` is `{id}`)
    const templates = documented().map((r) => new RegExp(`^${r.replace(/\{[^}]+\}/g, '[^/]+')}$`));
    const missing = named.filter((r) => !templates.some((t) => t.test(r)));
    expect(missing).toEqual([]);
  });

  it('describes every webhook event, with the signed body', () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([
      'article.flagged',
      'article.published',
      'article.validated',
      'contact.closed',
      'contact.escalated',
      'request.created',
    ]);
  });

  it('names both security schemes and which routes take a token', () => {
    const search = doc.paths['/api/search']!.get as { security: Record<string, string[]>[] };
    expect(search.security).toEqual([{ session: [] }, { bearer: ['search:read'] }]);
    const close = doc.paths['/api/contacts/{id}/close']!.post as { security: unknown };
    expect(close.security).toEqual([{ session: [], csrf: [] }, { bearer: ['contacts:write'] }]);
    const users = doc.paths['/api/users']!.get as { security: unknown };
    expect(users.security).toEqual([{ session: [] }]);
    const login = doc.paths['/api/auth/login']!.post as { security: unknown };
    expect(login.security).toEqual([]);
  });

  it('the reference page loads assets installed from npm, under the CSP', async () => {
    const page = await request(ctx.app).get('/api/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).not.toMatch(/<script>|https?:\/\//);
    for (const src of [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)) {
      const asset = await request(ctx.app).get(src);
      expect([src, asset.status]).toEqual([src, 200]);
    }
    expect((await request(ctx.app).get('/api/docs/assets/package.json')).status).toBe(404);
  });

  it("the suite's response check catches an answer the document does not describe", async () => {
    const fake = express();
    fake.use(checkResponses);
    fake.get('/api/auth/me', (_req, res) => void res.json({ data: { user: 'nobody' } }));
    fake.get('/api/departments', (_req, res) => void res.status(418).json({ data: [] }));
    fake.get('/api/made-up', (_req, res) => void res.json({ data: 1 }));
    await request(fake).get('/api/auth/me');
    await request(fake).get('/api/departments');
    await request(fake).get('/api/made-up');
    const found = violations.splice(0);
    expect(found).toEqual([
      expect.stringMatching(/^GET \/api\/auth\/me 200: /),
      'GET /api/departments: status 418 not in the document',
      'GET /api/made-up: no such path in the OpenAPI document',
    ]);
  });
});
