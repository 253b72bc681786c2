import request from 'supertest';
import { makeTestApp, signedIn, type TestContext } from '../helpers/app';
import { contractError } from '../helpers/contract';

describe('HTTP hardening', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await makeTestApp();
  });
  afterEach(() => ctx.close());

  it.each([
    '/api/articles/%zz',
    '/api/articles/%',
    '/api/queue/%E0%A4%A',
    '/api/articles/a%zzb/history',
  ])('a malformed %%-escape in the path is a 400, not a 500: %s', async (path) => {
    const engineer = await signedIn(ctx, 'engineer');
    const res = await engineer.get(path);
    expect(res.status).toBe(400);
    expect(contractError(res)).toEqual({
      id: 'bad_request',
      message: 'The address has a malformed %-escape (such as %zz).',
    });
  });

  it('API answers are never cached (they depend on who asks); /healthz is left alone', async () => {
    const agent = await signedIn(ctx, 'agent');
    for (const res of [
      await agent.get('/api/auth/me'),
      await agent.get('/api/search?q=router'),
      await request(ctx.app).get('/api/auth/me'),
      await request(ctx.app).get('/api/nowhere'),
    ])
      expect(res.headers['cache-control']).toBe('no-store');
    expect((await request(ctx.app).get('/healthz')).headers['cache-control']).toBeUndefined();
  });
});
