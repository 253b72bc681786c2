import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../server/app';
import { SearchIndex } from '../../server/search/searchIndex';
import { makeTestApp, type TestContext } from '../helpers/app';

describe('request logs', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await makeTestApp();
  });
  afterEach(() => ctx.close());

  it('never carry one-time tokens or sign-in codes from the query string', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createApp({
      config: ctx.config,
      db: ctx.db,
      search: new SearchIndex(),
      logger: pino({ level: 'info' }, sink),
    });
    await request(app).get('/api/auth/set-password?token=SECRET-TOKEN-1').expect(400);
    await request(app).get('/api/auth/oidc/callback?code=SECRET-CODE&state=SECRET-STATE');
    await request(app).get('/api/search?q=router&limit=5').expect(401);
    const log = lines.join('');
    expect(log).not.toMatch(/SECRET/);
    expect(log).toContain('/api/auth/set-password?token=[redacted]');
    expect(log).toContain('/api/search?q=router&limit=5');
  });
});
