import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../server/app';
import { SearchIndex } from '../../server/search/searchIndex';
import { makeTestApp, type TestContext } from '../helpers/app';

describe('request logs', () => {
  let ctx: TestContext;
  let lines: string[];
  let app: ReturnType<typeof createApp>;
  beforeEach(async () => {
    ctx = await makeTestApp();
    lines = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = createApp({
      config: ctx.config,
      db: ctx.db,
      search: new SearchIndex(),
      logger: pino({ level: 'info' }, sink),
    });
  });
  afterEach(() => ctx.close());
  const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

  it('never carry one-time tokens, sign-in codes or passwords from the query string', async () => {
    await request(app).get('/api/auth/set-password?token=SECRET-TOKEN-1').expect(400);
    await request(app).get('/api/auth/oidc/callback?code=SECRET-CODE&state=SECRET-STATE');
    await request(app).get('/api/search?q=router&limit=5').expect(401);
    await request(app).get('/api/auth/me?password=SECRET-PASSWORD').expect(401);
    const log = lines.join('');
    expect(log).not.toMatch(/SECRET/);
    expect(log).toContain('/api/auth/set-password?token=[redacted]');
    expect(log).toContain('/api/search?q=router&limit=5');
  });

  it('every answer names its request id, and the log line carries the same id', async () => {
    const res = await request(app).get('/api/auth/me').expect(401);
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = entries().find((e) => (e.req as { id?: string } | undefined)?.id === id);
    expect(line).toBeDefined();
    // a caller's own sane id is kept; a hostile one is replaced
    const kept = await request(app).get('/healthz').set('X-Request-Id', 'pbx-call-42');
    expect(kept.headers['x-request-id']).toBe('pbx-call-42');
    const replaced = await request(app).get('/healthz').set('X-Request-Id', 'a b <script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a malformed body is a warning with its request id and no stack trace', async () => {
    const res = await request(app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ');
    expect(res.status).toBe(400);
    const warning = entries().find((e) => e.msg === 'malformed request');
    expect(warning).toMatchObject({
      level: 40,
      status: 400,
      errorId: 'invalid_json',
      reqId: res.headers['x-request-id'],
    });
    expect(JSON.stringify(warning)).not.toMatch(/stack|at Object/);
    expect(entries().some((e) => e.level === 50)).toBe(false);
  });
});
