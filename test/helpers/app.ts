import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { Database } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import { createLogger } from '../../server/logger';
import { SearchIndex } from '../../server/search/searchIndex';
import { hashPassword } from '../../server/services/users/passwords';
import { findDepartmentBySlug, upsertDepartment } from '../../server/stores/departments';
import { insertUser } from '../../server/stores/users';
import type { Role } from '../../server/domain/roles';
import { checkResponses } from './openapiCheck';

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

/** One user per role, plus a second engineer in another department. */
export const USERS = {
  agent: { email: 'agent@test.example', name: 'Agent A', role: 'agent', department: 'frontline' },
  engineer: {
    email: 'engineer@test.example',
    name: 'Engineer N',
    role: 'engineer',
    department: 'network',
  },
  billingEngineer: {
    email: 'billing@test.example',
    name: 'Engineer B',
    role: 'engineer',
    department: 'billing',
  },
  manager: {
    email: 'manager@test.example',
    name: 'Manager M',
    role: 'manager',
    department: 'frontline',
  },
  admin: { email: 'admin@test.example', name: 'Admin Z', role: 'admin', department: 'platform' },
} as const satisfies Record<
  string,
  { email: string; name: string; role: Role; department: string }
>;

export type UserKey = keyof typeof USERS;

export interface TestContext {
  app: ReturnType<typeof createApp>;
  db: Database;
  search: SearchIndex;
  config: Config;
  dir: string;
  close(): Promise<void>;
}

/** A real app on a real SQLite file in a fresh temporary folder. */
export async function makeTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: path.join(dir, 'test.db'),
    SESSION_SECRET: 'test-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const db = await Database.open(config.databasePath);
  await migrate(db);
  for (const [slug, name, kind] of [
    ['frontline', 'Contact Center', 'frontline'],
    ['network', 'Network Engineering', 'engineering'],
    ['billing', 'Billing', 'engineering'],
    ['platform', 'Platform', 'engineering'],
  ] as const) {
    await upsertDepartment(db, { slug, name, kind });
  }
  // scrypt is deliberately slow: hash the shared test password once per test file
  passwordHash ??= hashPassword(PASSWORD);
  for (const u of Object.values(USERS)) {
    const department = await findDepartmentBySlug(db, u.department);
    await insertUser(db, { ...u, departmentId: department!.id, passwordHash: await passwordHash });
  }
  const search = new SearchIndex();
  // the real app behind one check: each JSON answer against the OpenAPI document
  const app = express();
  app.use(checkResponses, createApp({ config, db, search, logger: createLogger('silent') }));
  return {
    app,
    db,
    search,
    config,
    dir,
    async close() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client: keeps cookies and sends the CSRF token on every request. */
export class Client {
  token = '';
  constructor(readonly agent: TestAgent) {}

  async refreshToken(): Promise<string> {
    const res = await this.agent.get('/api/auth/csrf').expect(200);
    this.token = (res.body as { data: { token: string } }).data.token;
    return this.token;
  }

  get(url: string) {
    return this.agent.get(url);
  }
  post(url: string, body?: object, headers: Record<string, string> = {}) {
    return this.agent.post(url).set('X-CSRF-Token', this.token).set(headers).send(body);
  }
  patch(url: string, body?: object) {
    return this.agent.patch(url).set('X-CSRF-Token', this.token).send(body);
  }
  delete(url: string) {
    return this.agent.delete(url).set('X-CSRF-Token', this.token);
  }
  async login(email: string, password = PASSWORD) {
    if (!this.token) await this.refreshToken();
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status === 200)
      this.token = (res.body as { data: { csrfToken: string } }).data.csrfToken;
    return res;
  }
}

export function client(ctx: TestContext): Client {
  return new Client(request.agent(ctx.app));
}

export async function signedIn(ctx: TestContext, who: UserKey): Promise<Client> {
  const c = client(ctx);
  const res = await c.login(USERS[who].email);
  if (res.status !== 200)
    throw new Error(`login as ${who} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return c;
}

/** Signs in each of `who` (every user in USERS unless told) at once, keyed by who they are. */
export async function signedInUsers<K extends UserKey = UserKey>(
  ctx: TestContext,
  who: readonly K[] = Object.keys(USERS) as K[],
): Promise<Record<K, Client>> {
  const clients = await Promise.all(who.map((w) => signedIn(ctx, w)));
  return Object.fromEntries(who.map((w, i) => [w, clients[i]!])) as Record<K, Client>;
}
