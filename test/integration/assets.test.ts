import request from 'supertest';
import { makeTestApp, signedIn, type TestContext } from '../helpers/app';
import { createArticle } from '../helpers/factories';
import { ensureClientBuilt } from '../helpers/server';

describe('pages and assets', () => {
  let ctx: TestContext;
  let html: string;
  beforeAll(async () => {
    ensureClientBuilt();
    ctx = await makeTestApp();
    html = (await request(ctx.app).get('/').expect(200)).text;
  });
  afterAll(() => ctx.close());

  const assets = () => ({
    js: /src="(\/assets\/app-[A-Z0-9]+\.js)"/.exec(html)?.[1],
    css: /href="(\/assets\/app-[A-Z0-9]+\.css)"/.exec(html)?.[1],
  });

  it('names hashed assets from a page that is never cached', async () => {
    const res = await request(ctx.app).get('/articles/anything');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(assets().js).toBeDefined();
    expect(assets().css).toBeDefined();
  });

  it('lets browsers keep hashed assets for a year', async () => {
    for (const url of Object.values(assets())) {
      const res = await request(ctx.app).get(url!).expect(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('compresses scripts, stylesheets and JSON for browsers that accept it', async () => {
    for (const url of Object.values(assets())) {
      const res = await request(ctx.app).get(url!).set('Accept-Encoding', 'gzip');
      expect(res.headers['content-encoding']).toBe('gzip');
    }
    const admin = await signedIn(ctx, 'admin');
    for (let i = 0; i < 5; i++) await createArticle(admin);
    const json = await admin.get('/api/articles').set('Accept-Encoding', 'br, gzip');
    expect(json.status).toBe(200);
    expect(json.headers['content-encoding']).toBe('br');
  });

  it("does not load the dashboard's stylesheet on the sign-in page or the console", () => {
    expect(html).not.toMatch(/dashboard/i);
    expect(html.match(/rel="stylesheet"/g)).toHaveLength(1);
  });

  it('answers a missing asset with 404, never with the page', async () => {
    const res = await request(ctx.app).get('/assets/app-GONE1234.js');
    expect(res.status).toBe(404);
    expect(res.text).not.toMatch(/<html/);
  });
});
