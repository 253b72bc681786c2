import { client, makeTestApp, signedIn, type TestContext, type UserKey } from '../helpers/app';
import { articleInput } from '../helpers/factories';

type Who = Exclude<UserKey, 'billingEngineer'> | 'anonymous';
const everyone: Who[] = ['anonymous', 'agent', 'engineer', 'manager', 'admin'];

/**
 * Every route against every role: the expected status for each. A route added without a
 * line here is a route whose protection nobody checked.
 */
const matrix: {
  route: string;
  method: 'get' | 'post' | 'patch';
  body?: () => object;
  expect: Record<Who, number>;
}[] = [
  {
    method: 'get',
    route: '/api/auth/me',
    expect: { anonymous: 401, agent: 200, engineer: 200, manager: 200, admin: 200 },
  },
  {
    method: 'get',
    route: '/api/departments',
    expect: { anonymous: 401, agent: 200, engineer: 200, manager: 200, admin: 200 },
  },
  {
    method: 'get',
    route: '/api/search?q=modem',
    expect: { anonymous: 401, agent: 200, engineer: 200, manager: 200, admin: 200 },
  },
  {
    method: 'get',
    route: '/api/articles',
    expect: { anonymous: 401, agent: 200, engineer: 200, manager: 200, admin: 200 },
  },
  {
    method: 'get',
    route: '/api/articles/:id',
    expect: { anonymous: 401, agent: 200, engineer: 200, manager: 200, admin: 200 },
  },
  {
    method: 'get',
    route: '/api/articles/:id/versions',
    expect: { anonymous: 401, agent: 200, engineer: 200, manager: 200, admin: 200 },
  },
  {
    method: 'post',
    route: '/api/articles',
    body: () => articleInput({ department: 'network' }),
    expect: { anonymous: 401, agent: 403, engineer: 201, manager: 403, admin: 201 },
  },
  {
    method: 'patch',
    route: '/api/articles/:id',
    body: () => ({ version: 1, title: 'Retitled by someone' }),
    expect: { anonymous: 401, agent: 403, engineer: 200, manager: 403, admin: 200 },
  },
];

describe('role checks on every route', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await makeTestApp();
  });
  afterAll(() => ctx.close());

  it('serves /healthz to everyone', async () => {
    const res = await client(ctx).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  for (const row of matrix) {
    for (const who of everyone) {
      it(`${row.method.toUpperCase()} ${row.route} as ${who} → ${row.expect[who]}`, async () => {
        // a fresh article per case, so PATCH always starts from version 1
        const admin = await signedIn(ctx, 'admin');
        const created = await admin
          .post('/api/articles', articleInput({ department: 'network' }))
          .expect(201);
        const url = row.route.replace(':id', String(created.body.data.id));
        const c = who === 'anonymous' ? client(ctx) : await signedIn(ctx, who);
        if (who === 'anonymous') await c.refreshToken();
        const res =
          row.method === 'get'
            ? await c.get(url)
            : await c[row.method](url, row.body ? row.body() : undefined);
        expect(res.status).toBe(row.expect[who]);
        if (res.status >= 400) expect(res.body.error.id).toEqual(expect.any(String));
      });
    }
  }
});
