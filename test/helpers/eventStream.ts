import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client, TestContext } from './app';

export interface StreamEvent {
  id: string;
  event: string;
  data: unknown;
}

/**
 * A browser's EventSource, by hand: the app listens on a real port and the stream is read as it
 * arrives (supertest would wait for the end). `next()` resolves with the next event.
 */
export async function openEventStream(
  ctx: TestContext,
  who: Client,
  url: string,
  headers: Record<string, string> = {},
) {
  const cookie = (await who.get('/api/auth/me')).request.cookies;
  const server = ctx.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  const events: StreamEvent[] = [];
  const waiting: ((e: StreamEvent) => void)[] = [];
  let buffer = '';
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: url, headers: { cookie, ...headers } },
      resolve,
    );
    req.on('error', reject);
  });
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields: Record<string, string> = Object.fromEntries(
        block
          .split('\n')
          .filter((l) => !l.startsWith(':') && l.includes(': '))
          .map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]),
      );
      if (!fields.event || !fields.id || !fields.data) continue;
      const e = { id: fields.id, event: fields.event, data: JSON.parse(fields.data) as unknown };
      const w = waiting.shift();
      if (w) w(e);
      else events.push(e);
    }
  });
  return {
    status: res.statusCode!,
    headers: res.headers,
    /** the next event, or a failure after `ms` */
    next(ms = 2000): Promise<StreamEvent> {
      const queued = events.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms);
        waiting.push((e) => {
          clearTimeout(timer);
          resolve(e);
        });
      });
    },
    pending: () => events.length,
    async close() {
      res.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
