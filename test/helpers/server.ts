import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { createApp } from '../../server/app';
import { boot } from '../../server/boot';
import type { Database } from '../../server/db/connection';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { CLIENT_DIST, ROOT } from '../../server/paths';
import { DEMO_PASSWORD } from '../../server/content/seed';
import { apiSession, type ApiSession } from './browserApi';

export interface RunningServer {
  url: string;
  /** The server's own database, for setting up what the app itself would create (e.g. users). */
  db: Database;
  stop(): Promise<void>;
}

/**
 * The whole product as `npm start` runs it (seed content, demo users, built client) on a
 * temporary database and a free port; `env` adds to (or overrides) its environment.
 */
export async function startServer(env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  ensureClientBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'true',
    DATABASE_PATH: path.join(dir, 'e2e.db'),
    SESSION_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
    ...env,
  });
  const logger = createLogger('silent');
  const { db, search } = await boot(config, logger);
  const server = createApp({ config, db, search, logger }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Builds the browser client into dist/client when it is not there yet (or always, with `force`). */
export function ensureClientBuilt(force = false): void {
  if (force || !fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'client', 'build.mjs')], { stdio: 'ignore' });
  }
}

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides the location. */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Fills in the login form the page shows and submits it; the caller waits for what follows. */
export async function submitLogin(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in as a demo user on the login page the browser shows; waits for the search box. */
export async function signInOnLoginPage(page: Page, email: string) {
  await submitLogin(page, email);
  await page.getByRole('searchbox', { name: 'Search' }).waitFor();
}

/**
 * Opens the app's login page and signs in as a demo user, landing on the console (`next=/`,
 * whatever the role's home); waits for the search box.
 */
export async function signIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/login?next=%2F`);
  await signInOnLoginPage(page, email);
}

export interface BrowserSuiteOptions {
  /** The server's environment over startServer's own. */
  env?: NodeJS.ProcessEnv;
  /** Runs once the server is up, before the browser starts: data the whole suite needs. */
  seed?: (server: RunningServer) => Promise<unknown>;
  /** Options for every browser context the suite opens (each call may add more). */
  context?: BrowserContextOptions;
}

export interface BrowserSuite {
  readonly server: RunningServer;
  /** The server's address, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly browser: Browser;
  /** A new browser context (1366×768 plus the suite's and these options), closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a new context (as newContext), signed in as a demo user; closed after the test. */
  signIn(email: string, options?: BrowserContextOptions): Promise<Page>;
  /** A signed-in API session (outside the browser), disposed of after the test. */
  api(email: string): Promise<ApiSession>;
}

/**
 * The browser tests' setup, for the describe block it is called in: the server on a fresh
 * database and Debian's Chromium, started before all its tests and closed after them; the
 * contexts and API sessions its tests open are closed after each test.
 */
export function useBrowserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const sessions: ApiSession[] = [];

  // starting the server (demo content, search index) and Chromium takes seconds, more on a
  // loaded two-core machine: the hook gets more than a test's 20 s
  beforeAll(async () => {
    server = await startServer(options.env);
    await options.seed?.(server);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    for (const s of sessions.splice(0)) await s.dispose();
  });

  const started = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`useBrowserSuite: no ${what} outside its tests`);
    return value;
  };

  async function newContext(more: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await started('browser', browser).newContext({
      viewport: { width: 1366, height: 768 },
      ...options.context,
      ...more,
    });
    contexts.push(context);
    return context;
  }

  return {
    get server() {
      return started('server', server);
    },
    get url() {
      return started('server', server).url;
    },
    get browser() {
      return started('browser', browser);
    },
    newContext,
    async signIn(email, more) {
      const page = await (await newContext(more)).newPage();
      await signIn(page, started('server', server).url, email);
      return page;
    },
    async api(email) {
      const session = await apiSession(started('server', server).url, email);
      sessions.push(session);
      return session;
    },
  };
}
