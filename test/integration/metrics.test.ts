import request from 'supertest';
import { makeTestApp, signedIn, type TestContext } from '../helpers/app';
import { contractError } from '../helpers/contract';

const TOKEN = 'metrics-token-0123456789';

/** The value of one sample line (`name{labels} value`), or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}${labels ? `{${labels}` : ''}`) && !l.startsWith('#'));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /metrics', () => {
  let ctx: TestContext;
  afterEach(() => ctx.close());

  it('does not exist without METRICS_TOKEN', async () => {
    ctx = await makeTestApp();
    expect((await request(ctx.app).get('/metrics')).status).toBe(404);
  });

  it('answers only with the bearer token', async () => {
    ctx = await makeTestApp({ METRICS_TOKEN: TOKEN });
    for (const auth of [undefined, 'Bearer wrong-token-0123456789', `Basic ${TOKEN}`]) {
      const req = request(ctx.app).get('/metrics');
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect(res.status).toBe(401);
      expect(contractError(res).id).toBe('unauthenticated');
    }
  });

  it('counts requests by route, searches, zero results, the index, the database, webhooks and sessions', async () => {
    ctx = await makeTestApp({ METRICS_TOKEN: TOKEN });
    const agent = await signedIn(ctx, 'agent');
    await agent.get('/api/search?q=router').expect(200);
    await agent.get('/api/search?q=zzqqxx').expect(200);
    await agent.get('/api/articles/999').expect(404);
    ctx.search.build([]);
    const res = await request(ctx.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(
      sample(
        text,
        'http_request_duration_seconds_count',
        'method="GET",route="/api/search",status="200"',
      ),
    ).toBe(2);
    expect(
      sample(
        text,
        'http_request_duration_seconds_count',
        'method="GET",route="/api/articles/:id",status="404"',
      ),
    ).toBe(1);
    expect(sample(text, 'firstcall_search_duration_seconds_count')).toBe(2);
    expect(sample(text, 'firstcall_search_zero_results_total')).toBe(2);
    expect(sample(text, 'firstcall_search_index_documents')).toBe(0);
    expect(sample(text, 'firstcall_search_index_segments')).toBe(1);
    expect(sample(text, 'firstcall_search_index_duration_seconds_count', 'kind="rebuild"')).toBe(1);
    expect(sample(text, 'firstcall_db_query_duration_seconds_count')).toBeGreaterThan(0);
    expect(sample(text, 'firstcall_webhook_queue_depth')).toBe(0);
    expect(sample(text, 'firstcall_webhook_deliveries_given_up')).toBe(0);
    expect(sample(text, 'firstcall_sessions_active')).toBe(1);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE firstcall_webhook_delivery_failures_total counter');
    // nothing secret or personal in it
    expect(text).not.toMatch(/router|zzqqxx|agent@/);
  });
});
