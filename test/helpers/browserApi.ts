// A signed-in API session outside the browser (Playwright's request client): "someone else"
// acting meanwhile in the e2e tests, through the same HTTP API and CSRF rules as the app.
import { request, type APIRequestContext } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/content/seed';

export interface ApiSession {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<T>;
  dispose(): Promise<void>;
}

export async function apiSession(baseURL: string, email: string): Promise<ApiSession> {
  const ctx: APIRequestContext = await request.newContext({ baseURL });
  const csrf = await ctx.get('/api/auth/csrf');
  let token = ((await csrf.json()) as { data: { token: string } }).data.token;
  const login = await ctx.post('/api/auth/login', {
    headers: { 'X-CSRF-Token': token },
    data: { email, password: DEMO_PASSWORD },
  });
  if (!login.ok()) throw new Error(`login ${email}: ${login.status()} ${await login.text()}`);
  token = ((await login.json()) as { data: { csrfToken: string } }).data.csrfToken;
  return {
    async get<T>(path: string) {
      const res = await ctx.get(path);
      if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
      return ((await res.json()) as { data: T }).data;
    },
    async send<T>(method: 'POST' | 'PATCH', path: string, body: unknown) {
      const res = await ctx.fetch(path, { method, headers: { 'X-CSRF-Token': token }, data: body });
      if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
      return res.status() === 204 ? (undefined as T) : ((await res.json()) as { data: T }).data;
    },
    dispose: () => ctx.dispose(),
  };
}
