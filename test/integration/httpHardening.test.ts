import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import request from 'supertest';
import { CLIENT_DIST } from '../../server/paths';
import { makeTestApp, signedIn, type Client, type TestContext } from '../helpers/app';
import { contractError } from '../helpers/contract';

/**
 * A request sent byte for byte as given (supertest re-encodes bodies), with the client's
 * cookie and CSRF token, to the app listening on a real port.
 */
async function rawPost(
  ctx: TestContext,
  who: Client,
  url: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const cookie = (await who.get('/api/auth/me')).request.cookies;
  const server = ctx.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: url,
          headers: {
            cookie,
            'x-csrf-token': who.token,
            'content-length': String(body.length),
            ...headers,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += String(d)));
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  } finally {
    server.close();
  }
}

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

  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  const PREVIEW = { markdown: '# Router *reset*' };

  it('a gzip body is read (BODY_LIMIT applies after inflating); one that does not inflate is a 400', async () => {
    const engineer = await signedIn(ctx, 'engineer');
    const gz = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
    const ok = await rawPost(ctx, engineer, '/api/preview', zlib.gzipSync(json(PREVIEW)), gz);
    expect(ok).toEqual({ status: 200, body: { data: { html: expect.stringContaining('<h1>') } } });
    // 1 MB of spaces inflates past the 256 kB limit from a few kB on the wire
    const bomb = zlib.gzipSync(
      Buffer.concat([json(PREVIEW).subarray(0, -1), Buffer.alloc(1e6, ' '), Buffer.from('}')]),
    );
    expect(bomb.length).toBeLessThan(10_000);
    const big = await rawPost(ctx, engineer, '/api/preview', bomb, gz);
    expect(big.status).toBe(413);
    expect(contractError(big).id).toBe('payload_too_large');
    const broken = await rawPost(ctx, engineer, '/api/preview', Buffer.from('not gzip at all'), gz);
    expect(broken.status).toBe(400);
    expect(contractError(broken).id).toBe('bad_request');
  });

  it.each([
    ['application/json; charset=latin1', {}],
    ['application/json; charset=utf-7', {}],
    ['application/json; charset="UTF-16"', {}],
    ['application/json', { 'content-encoding': 'compress' }],
    ['application/json', { 'content-encoding': 'gzip, gzip' }],
  ])('a body it cannot read as sent is a 415: %s %j', async (type, extra) => {
    const engineer = await signedIn(ctx, 'engineer');
    const res = await rawPost(ctx, engineer, '/api/preview', json(PREVIEW), {
      'content-type': type,
      ...extra,
    });
    expect(res.status).toBe(415);
    expect(contractError(res).id).toBe('unsupported_media_type');
  });

  it('UTF-8 named in any spelling is read', async () => {
    const engineer = await signedIn(ctx, 'engineer');
    for (const type of ['application/json; charset=utf-8', 'application/json; charset="UTF-8"'])
      expect((await engineer.post('/api/preview', PREVIEW, { 'Content-Type': type })).status).toBe(
        200,
      );
  });

  it('a write from another site is refused even with a valid CSRF token; our own pages pass', async () => {
    const engineer = await signedIn(ctx, 'engineer');
    for (const headers of [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ] as Record<string, string>[]) {
      const res = await engineer.post('/api/preview', PREVIEW, headers);
      expect(res.status).toBe(403);
      expect(contractError(res).id).toBe('origin_refused');
    }
    expect(
      (
        await engineer.post('/api/preview', PREVIEW, {
          Origin: 'http://kb.local:3000',
          Host: 'kb.local:3000',
        })
      ).status,
    ).toBe(200);
    expect(
      (await engineer.post('/api/preview', PREVIEW, { 'Sec-Fetch-Site': 'same-origin' })).status,
    ).toBe(200);
    // reading is never refused for its origin
    expect((await engineer.get('/api/auth/me').set('Origin', 'https://evil.example')).status).toBe(
      200,
    );
  });

  it('PUBLIC_URL is an own origin too (the app behind a proxy)', async () => {
    const proxied = await makeTestApp({ PUBLIC_URL: 'https://kb.example.com/' });
    try {
      const engineer = await signedIn(proxied, 'engineer');
      const res = await engineer.post('/api/preview', PREVIEW, {
        Origin: 'https://kb.example.com',
      });
      expect(res.status).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('source maps are never served in production', async () => {
    const assets = path.join(CLIENT_DIST, 'assets');
    fs.mkdirSync(assets, { recursive: true });
    const map = path.join(assets, 'probe-test.js.map');
    fs.writeFileSync(map, '{"version":3}');
    const prod = await makeTestApp({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    try {
      expect((await request(prod.app).get('/assets/probe-test.js.map')).status).toBe(404);
      expect((await request(ctx.app).get('/assets/probe-test.js.map')).status).toBe(200);
    } finally {
      fs.rmSync(map);
      await prod.close();
    }
  });
});
