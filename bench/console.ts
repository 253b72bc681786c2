/**
 * Keystroke → results painted, in Chromium, against the real server with N generated articles.
 *
 *   npx tsx bench/console.ts [--articles 10000] [--keystrokes 200] [--budget-s 180] [--build-client]
 *                            [--seed 17]
 *   npx tsx bench/run.ts ... --console          (the same, as an optional section of run.ts)
 *
 * The agent signs in and types realistic queries one key at a time, 80–150 ms apart. For each
 * keystroke the page itself measures, from performance.now() in a capture keydown listener, to
 * the first frame after the results region changed for the text typed so far: a wrapped fetch
 * says when the response for that text was read, a MutationObserver when the DOM changed after
 * it, and requestAnimationFrame → setTimeout(0) when that change was painted. Keystrokes whose
 * text was replaced by a later keystroke before its results painted (the client debounces and
 * cancels) are counted apart, as "superseded". Figures only: a missed target is `met: false`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import type { Browser, Page } from 'playwright-core';
import { boot } from '../server/boot';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { CLIENT_DIST, ROOT } from '../server/paths';
import { createArticle } from '../server/services/articles/write';
import { SYSTEM } from '../server/domain/roles';
import { DEMO_PASSWORD, seed } from '../server/content/seed';
import { ensureClientBuilt, launchChromium } from '../test/helpers/server';
import { Corpus, toArticleCreate } from './corpus';
import { startServer } from './lib/proc';
import { Rng } from './lib/prng';
import { printTable, round, sleep, summarize, type Summary } from './lib/stats';
import { QueryGen } from './queries';
import type { BenchDb } from './restart';
import { DEPARTMENTS, TITLE_SYMPTOMS } from './vocabulary';

export const KEYSTROKE_TO_PAINT_TARGET_MS = 150;
const AGENT_EMAIL = 'agent@firstcall.example';
const VIEWPORT = { width: 1366, height: 768 };
const SEARCH_BOX = 'input[type=search][aria-label=Search]';
/** The client's debounce as of this writing; read from its source when it can be found. */
const DEFAULT_DEBOUNCE_MS = 120;

export interface ConsoleOptions {
  articles: number;
  /** keystrokes to type (measured ones; warm-up queries come on top) */
  keystrokes: number;
  /** the typing phase stops starting new queries after this long */
  budgetS: number;
  /** rebuild dist/client even when it looks up to date */
  buildClient: boolean;
  seed: number;
  log: (msg: string) => void;
}

// ---------------------------------------------------------------------------------------------
// In the page. A string, so that this Node-only project needs no DOM types; it is installed
// with addInitScript, i.e. before the app's own scripts, so its listeners run first.
// ---------------------------------------------------------------------------------------------
const INSTRUMENT = `(() => {
  const kb = (window.__kb = { tag: -1, entries: [], searches: [] });
  const BOX = ${JSON.stringify(SEARCH_BOX)};
  const isBox = (el) => el instanceof HTMLInputElement && el.matches(BOX);
  // keydown in the capture phase on window: the first listener of all
  window.addEventListener('keydown', (e) => {
    if (!isBox(e.target)) return;
    kb.entries.push({ at: performance.now(), eventTs: e.timeStamp, key: e.key, value: null, tag: kb.tag });
  }, true);
  // the text that keystroke produced; an input without a keydown (fill, paste) is its own entry
  window.addEventListener('input', (e) => {
    if (!isBox(e.target)) return;
    const last = kb.entries[kb.entries.length - 1];
    if (last && last.value === null && last.key !== null) last.value = e.target.value;
    else kb.entries.push({ at: performance.now(), eventTs: e.timeStamp, key: null, value: e.target.value, tag: kb.tag });
  }, true);
  // every search request: when it left, when its body was read (the app reads it as JSON)
  const fetch0 = window.fetch;
  window.fetch = function (input, init) {
    const p = fetch0.apply(this, arguments);
    let url;
    try { url = new URL(typeof input === 'string' ? input : input.url, location.href); } catch { return p; }
    if (url.pathname !== '/api/search') return p;
    const s = { q: url.searchParams.get('q'), startAt: performance.now(), headersAt: null, bodyAt: null,
      status: null, failed: false, mutationAt: null, paintAt: null, listItems: null };
    kb.searches.push(s);
    p.then((res) => {
      s.headersAt = performance.now();
      s.status = res.status;
      const json = res.json.bind(res);
      res.json = () => json().then((v) => { s.bodyAt = performance.now(); armed.push(s); return v; });
    }, () => { s.failed = true; });
    return p;
  };
  // the first DOM change after a response was read is its render (same microtask chain);
  // the frame after it is the paint
  const armed = [];
  new MutationObserver((records) => {
    if (!armed.length) return;
    if (records.every((r) => document.head && document.head.contains(r.target))) return;
    const at = performance.now();
    const list = document.querySelector('[aria-label="Results"]');
    const items = list ? list.querySelectorAll('li').length : 0;
    for (const s of armed.splice(0)) {
      s.mutationAt = at;
      s.listItems = items;
      requestAnimationFrame(() => setTimeout(() => { s.paintAt = performance.now(); }, 0));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

interface Entry {
  at: number;
  eventTs: number;
  key: string | null;
  value: string | null;
  tag: number;
}
interface SearchRec {
  q: string | null;
  startAt: number;
  headersAt: number | null;
  bodyAt: number | null;
  status: number | null;
  failed: boolean;
  mutationAt: number | null;
  paintAt: number | null;
  listItems: number | null;
}
interface Recorded {
  tag: number;
  entries: Entry[];
  searches: SearchRec[];
}
const recorded = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __kb: Recorded }).__kb);

// ---------------------------------------------------------------------------------------------
// Database and server
// ---------------------------------------------------------------------------------------------

/**
 * A database built the product's way: boot() migrates it and imports departments.yml (the
 * bench departments); every generated article goes through createArticle as the SYSTEM actor,
 * in one bulk change of the search index; then seed() as a development start runs it creates
 * the demo users (and whatever demo data it makes over the articles that now exist).
 */
export async function makeConsoleDatabase(dir: string, corpus: Corpus, size: number) {
  const started = performance.now();
  const db: BenchDb = {
    dbPath: path.join(dir, 'console.db'),
    contentDir: path.join(dir, 'content'),
  };
  fs.mkdirSync(db.contentDir, { recursive: true });
  fs.writeFileSync(
    path.join(db.contentDir, 'departments.yml'),
    yaml.dump(DEPARTMENTS.map(({ slug, name, kind }) => ({ slug, name, kind }))),
  );
  const env = {
    NODE_ENV: 'test',
    DATABASE_PATH: db.dbPath,
    CONTENT_DIR: db.contentDir,
    SESSION_SECRET: 'x'.repeat(40),
    LOG_LEVEL: 'silent',
  };
  const logger = createLogger('silent');
  const runtime = await boot(loadConfig(env), logger);
  try {
    await runtime.search.bulk(async () => {
      for (let id = 1; id <= size; id++)
        await createArticle(runtime, SYSTEM, toArticleCreate(corpus.doc(id)));
    });
    await seed(runtime, loadConfig({ ...env, SEED_DEMO: 'true' }), logger);
    await runtime.search.whenIdle();
  } finally {
    await runtime.db.close();
  }
  return { ...db, setupMs: round(performance.now() - started) };
}

/** A hash of a folder's files: the code measured, since client/ and server/ change meanwhile. */
function treeHash(dir: string): string {
  const hash = crypto.createHash('sha1');
  const walk = (d: string) => {
    for (const e of fs
      .readdirSync(d, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) hash.update(path.relative(dir, p)).update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 10);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** dist/client as the current client/ source builds it; an older build only with a warning. */
function prepareClient(force: boolean, warnings: string[]): void {
  const app = path.join(CLIENT_DIST, 'index.html');
  const built = fs.existsSync(app) ? fs.statSync(app).mtimeMs : 0;
  const stale = built < newestMtime(path.join(ROOT, 'client'));
  if (!force && !stale) return;
  try {
    ensureClientBuilt(true);
  } catch (err) {
    if (!built) throw err;
    warnings.push(
      `client build failed (${(err as Error).message.split('\n')[0]}): measured the previous build`,
    );
  }
}

function debounceOfClient(): { ms: number; source: string } {
  const file = path.join(ROOT, 'client', 'src', 'search', 'useSearch.ts');
  const m = fs.existsSync(file) && /DEBOUNCE_MS\s*=\s*(\d+)/.exec(fs.readFileSync(file, 'utf8'));
  return m
    ? { ms: Number(m[1]), source: 'client/src/search/useSearch.ts' }
    : { ms: DEFAULT_DEBOUNCE_MS, source: 'assumed' };
}

// ---------------------------------------------------------------------------------------------
// What the agent types
// ---------------------------------------------------------------------------------------------

type TypedKind = 'words' | 'prefix' | 'typo' | 'code' | 'codePart' | 'symptom';
const TYPED_MIX: [TypedKind, number][] = [
  ['words', 25],
  ['prefix', 15],
  ['typo', 15],
  ['code', 15],
  ['codePart', 10],
  ['symptom', 20],
];
const PRODUCT_TYPES = DEPARTMENTS.flatMap((d) => d.productTypes.map((t) => t.split(' ').pop()!));

/** One query as keys: its characters, now and then a wrong letter taken back with Backspace. */
export function typingPlan(
  gen: QueryGen,
  rng: Rng,
): { kind: TypedKind; text: string; keys: string[] } {
  const kind = rng.weighted(TYPED_MIX);
  const text =
    kind === 'symptom'
      ? [
          ...(rng.chance(0.6) ? [rng.pick(PRODUCT_TYPES)] : []),
          ...rng.pick(TITLE_SYMPTOMS).split(' '),
        ]
          .slice(0, 3)
          .join(' ')
      : gen.next(kind).text;
  const keys: string[] = [];
  for (const ch of text) {
    if (/[a-z]/.test(ch) && rng.chance(0.03))
      keys.push(String.fromCharCode(97 + rng.int(0, 25)), 'Backspace');
    keys.push(ch);
  }
  return { kind, text, keys };
}

// ---------------------------------------------------------------------------------------------
// Correlating keystrokes, requests and paints
// ---------------------------------------------------------------------------------------------

const normalize = (q: string) => q.trim().replace(/\s+/g, ' ');

export type Outcome =
  | 'painted'
  | 'supersededBeforeRequest'
  | 'supersededInFlight'
  | 'supersededBeforeRender'
  | 'sameQuery'
  | 'emptied'
  | 'notPainted';

export interface KeystrokeResult {
  outcome: Outcome;
  keyToPaintMs?: number;
  keyToRequestMs?: number;
  requestToResponseMs?: number;
  responseToPaintMs?: number;
  responseToDomMs?: number;
  /** from the event's own timeStamp (includes time the key waited for the main thread) */
  eventToPaintMs?: number;
  listItems?: number;
  status?: number | null;
}

/**
 * For each measured keystroke: the search for the text it left in the box, issued after it and
 * before the text changed again, and whether that search's results reached the DOM before the
 * next change. Keys that left the query as it was (a trailing space) or emptied it are not
 * latency samples.
 */
export function correlate(rec: Recorded): KeystrokeResult[] {
  const entries = rec.entries.filter((e) => e.value !== null);
  const out: KeystrokeResult[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.key === null || e.tag < 0) continue;
    const q = normalize(e.value!);
    const prev = i > 0 ? normalize(entries[i - 1]!.value!) : '';
    if (q === '') {
      out.push({ outcome: 'emptied' });
      continue;
    }
    if (q === prev) {
      out.push({ outcome: 'sameQuery' });
      continue;
    }
    let changeAt = Infinity;
    let changeKey: string | null = null;
    for (let j = i + 1; j < entries.length; j++)
      if (normalize(entries[j]!.value!) !== q) {
        changeAt = entries[j]!.at;
        changeKey = entries[j]!.key;
        break;
      }
    const s = rec.searches.find((r) => r.q === q && r.startAt >= e.at && r.startAt < changeAt);
    if (s && s.mutationAt !== null && s.mutationAt < changeAt && s.paintAt !== null) {
      out.push({
        outcome: 'painted',
        keyToPaintMs: s.paintAt - e.at,
        keyToRequestMs: s.startAt - e.at,
        requestToResponseMs: s.bodyAt! - s.startAt,
        responseToPaintMs: s.paintAt - s.bodyAt!,
        responseToDomMs: s.mutationAt - s.bodyAt!,
        eventToPaintMs: s.paintAt - e.eventTs,
        listItems: s.listItems ?? 0,
        status: s.status,
      });
    } else if (changeAt === Infinity || changeKey === null) {
      // nothing typed after it (the box was only cleared once the wait for results timed out)
      out.push({ outcome: 'notPainted', status: s?.status ?? null });
    } else if (!s) {
      out.push({ outcome: 'supersededBeforeRequest' });
    } else if (s.bodyAt === null) {
      out.push({ outcome: 'supersededInFlight' });
    } else {
      out.push({ outcome: 'supersededBeforeRender' });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.waitForURL(/\/login/, { timeout: 15_000 });
  await page.getByLabel('Email').fill(AGENT_EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator(SEARCH_BOX).waitFor({ timeout: 15_000 });
}

/** Waits (bounded) until the box's current text has painted results, so no query ends early. */
async function settle(page: Page, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForFunction(
      () => {
        const kb = (globalThis as unknown as { __kb: Recorded }).__kb;
        const last = [...kb.entries].reverse().find((e) => e.value !== null);
        if (!last) return true;
        const q = last.value!.trim().replace(/\s+/g, ' ');
        return (
          !q || kb.searches.some((s) => s.q === q && s.startAt >= last.at && s.paintAt !== null)
        );
      },
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
    return true;
  } catch {
    return false;
  }
}

interface Typed {
  queries: { kind: TypedKind; text: string }[];
  keystrokes: number;
  settleTimeouts: number;
  stoppedByBudget: boolean;
}

async function typeQueries(page: Page, o: ConsoleOptions): Promise<Typed> {
  const gen = new QueryGen(new Corpus(), o.seed);
  const rng = new Rng(o.seed + 1);
  const box = page.locator(SEARCH_BOX);
  const typed: Typed = { queries: [], keystrokes: 0, settleTimeouts: 0, stoppedByBudget: false };
  const deadline = performance.now() + o.budgetS * 1000;
  const warmups = 3;
  for (let n = 0; typed.keystrokes < o.keystrokes; n++) {
    if (performance.now() > deadline) {
      typed.stoppedByBudget = true;
      break;
    }
    const tag = n < warmups ? -1 : n - warmups;
    await page.evaluate((t) => ((globalThis as unknown as { __kb: Recorded }).__kb.tag = t), tag);
    const plan = typingPlan(gen, rng);
    await box.focus();
    for (const key of plan.keys) {
      if (key === 'Backspace') await page.keyboard.press('Backspace');
      else await page.keyboard.type(key);
      if (tag >= 0) typed.keystrokes++;
      await sleep(rng.int(80, 150));
    }
    if (tag >= 0) typed.queries.push({ kind: plan.kind, text: plan.text });
    if (!(await settle(page, 5000)) && tag >= 0) typed.settleTimeouts++;
    await sleep(rng.int(400, 900)); // reads the results
    await page.evaluate(() => ((globalThis as unknown as { __kb: Recorded }).__kb.tag = -1));
    await box.fill(''); // a new call: the box is cleared (not measured)
    await sleep(rng.int(250, 500));
  }
  return typed;
}

export interface ConsoleResults {
  articles: number;
  keystrokesTyped: number;
  queries: number;
  painted: number;
  superseded: { beforeRequest: number; inFlight: number; beforeRender: number };
  notPainted: number;
  sameQuery: number;
  emptied: number;
  paintedWithoutResultsList: number;
  non200: number;
  keystrokeToPaintMs: Summary;
  afterDebounceMs: Summary;
  debounceMs: number;
  debounceSource: string;
  breakdownMs: {
    keyToRequest: Summary;
    requestToResponse: Summary;
    responseToDom: Summary;
    responseToPaint: Summary;
  };
  fromEventTimeStampMs: Summary;
  target: {
    value: number | null;
    limitMs: number;
    target: string;
    ratio: number | null;
    met: boolean | null;
  };
  setup: { dbBuildMs: number; serverReadyMs: number; clientCode: string; serverCode: string };
  typingS: number;
  loadAverage: { beforeTyping: number[]; afterTyping: number[] };
  stoppedByBudget: boolean;
  settleTimeouts: number;
  chromium: string;
  warnings: string[];
  sampleQueries: string[];
}

export async function consoleBench(o: ConsoleOptions): Promise<ConsoleResults> {
  const warnings: string[] = [];
  const pageErrors: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-console-'));
  tempDirs.add(dir);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser | undefined;
  try {
    o.log('console: building the client');
    prepareClient(o.buildClient, warnings);
    const clientCode = treeHash(path.join(ROOT, 'client'));
    const serverCode = treeHash(path.join(ROOT, 'server'));

    o.log(`console: creating a database with ${o.articles} articles through the services`);
    const db = await makeConsoleDatabase(dir, new Corpus(), o.articles);
    o.log(`console: database ready in ${(db.setupMs / 1000).toFixed(1)} s; starting the server`);
    server = await startServer(
      { task: 'app', dbPath: db.dbPath, contentDir: db.contentDir },
      300_000,
    );
    const base = `http://127.0.0.1:${String(server.ready.port)}`;
    o.log(`console: server on ${base} (${String(server.ready.articles)} articles indexed)`);

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    page.on('pageerror', (err) => {
      if (pageErrors.length < 5) pageErrors.push(err.message);
    });
    await signIn(page, base).catch((err: Error) => {
      const thrown = pageErrors.length ? `; the page threw: ${pageErrors.join(' | ')}` : '';
      throw new Error(`sign-in failed: ${err.message.split('\n')[0]}${thrown}`);
    });
    o.log(`console: signed in as ${AGENT_EMAIL}; typing ${o.keystrokes} keystrokes`);

    const loadBefore = os.loadavg().map(round);
    const typingStarted = performance.now();
    const typed = await typeQueries(page, o);
    const typingS = round((performance.now() - typingStarted) / 1000);
    const rec = await recorded(page);
    if (!rec.searches.length)
      throw new Error('no request to /api/search was seen: did the client change its search call?');

    const results = correlate(rec);
    const painted = results.filter((r) => r.outcome === 'painted');
    const count = (k: Outcome) => results.filter((r) => r.outcome === k).length;
    const debounce = debounceOfClient();
    const pick = (f: (r: KeystrokeResult) => number | undefined) =>
      painted.map(f).filter((v): v is number => v !== undefined);
    const total = summarize(pick((r) => r.keyToPaintMs));
    const value = painted.length ? total.p95 : null;
    return {
      articles: Number(server.ready.articles),
      keystrokesTyped: typed.keystrokes,
      queries: typed.queries.length,
      painted: painted.length,
      superseded: {
        beforeRequest: count('supersededBeforeRequest'),
        inFlight: count('supersededInFlight'),
        beforeRender: count('supersededBeforeRender'),
      },
      notPainted: count('notPainted'),
      sameQuery: count('sameQuery'),
      emptied: count('emptied'),
      paintedWithoutResultsList: painted.filter((r) => !r.listItems).length,
      non200: painted.filter((r) => r.status !== 200).length,
      keystrokeToPaintMs: total,
      afterDebounceMs: summarize(pick((r) => r.keyToPaintMs! - debounce.ms)),
      debounceMs: debounce.ms,
      debounceSource: debounce.source,
      breakdownMs: {
        keyToRequest: summarize(pick((r) => r.keyToRequestMs)),
        requestToResponse: summarize(pick((r) => r.requestToResponseMs)),
        responseToDom: summarize(pick((r) => r.responseToDomMs)),
        responseToPaint: summarize(pick((r) => r.responseToPaintMs)),
      },
      fromEventTimeStampMs: summarize(pick((r) => r.eventToPaintMs)),
      target: {
        value,
        limitMs: KEYSTROKE_TO_PAINT_TARGET_MS,
        target: `≤ ${KEYSTROKE_TO_PAINT_TARGET_MS} ms (p95)`,
        ratio: value === null ? null : round(value / KEYSTROKE_TO_PAINT_TARGET_MS),
        met: value === null ? null : value <= KEYSTROKE_TO_PAINT_TARGET_MS,
      },
      setup: {
        dbBuildMs: db.setupMs,
        serverReadyMs: round(server.spawnToReadyMs),
        clientCode,
        serverCode,
      },
      typingS,
      // other processes on the machine share its cores with Chromium and the server
      loadAverage: { beforeTyping: loadBefore, afterTyping: os.loadavg().map(round) },
      stoppedByBudget: typed.stoppedByBudget,
      settleTimeouts: typed.settleTimeouts,
      chromium: browser.version(),
      warnings: [
        ...warnings,
        ...pageErrors.map((m) => `the page threw: ${m}`),
        ...(treeHash(path.join(ROOT, 'client')) !== clientCode ||
        treeHash(path.join(ROOT, 'server')) !== serverCode
          ? [
              'client/ or server/ changed during the run (the built client and server are from the start)',
            ]
          : []),
      ],
      sampleQueries: typed.queries.slice(0, 8).map((q) => `${q.kind}: ${q.text}`),
    };
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
}

/** Removed on a normal end, and by the standalone run's watchdog or Ctrl-C. */
const tempDirs = new Set<string>();
function removeTempDirs(): void {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
}

export function printConsole(r: ConsoleResults | { error: string }): void {
  if ('error' in r) {
    console.log(`\nKeystroke → results painted\n  not measured: ${r.error}`);
    return;
  }
  const row = (measure: string, s: Summary) => ({
    measure,
    count: s.count,
    'p50 ms': s.p50,
    'p95 ms': s.p95,
    'p99 ms': s.p99,
    'max ms': s.max,
  });
  printTable(
    `Keystroke → results painted (${r.articles} articles, Chromium ${r.chromium}, 1366×768)`,
    [
      row('keydown → paint', r.keystrokeToPaintMs),
      row(`after debounce (− ${r.debounceMs} ms)`, r.afterDebounceMs),
      row('  keydown → request sent', r.breakdownMs.keyToRequest),
      row('  request → response read', r.breakdownMs.requestToResponse),
      row('  response → DOM updated', r.breakdownMs.responseToDom),
      row('  response → paint', r.breakdownMs.responseToPaint),
      row('event.timeStamp → paint', r.fromEventTimeStampMs),
    ],
  );
  const s = r.superseded;
  console.log(
    `  ${r.keystrokesTyped} keystrokes in ${r.queries} queries (${r.typingS} s): ${r.painted} painted; ` +
      `superseded by the next key ${s.beforeRequest + s.inFlight + s.beforeRender} ` +
      `(before the request ${s.beforeRequest}, in flight ${s.inFlight}, before render ${s.beforeRender}); ` +
      `not painted ${r.notPainted}; query unchanged ${r.sameQuery}; emptied ${r.emptied}`,
  );
  console.log(
    `  load average ${r.loadAverage.beforeTyping.join(' ')} before typing, ${r.loadAverage.afterTyping.join(' ')} after`,
  );
  console.log(
    `  target p95 ${r.target.target}: ${r.target.value ?? '–'} ms, ratio ${r.target.ratio ?? '–'}, met ${String(r.target.met)}`,
  );
  for (const w of r.warnings) console.log(`  WARNING: ${w}`);
}

// ---------------------------------------------------------------------------------------------
// Standalone
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    const v = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} needs a positive number`);
    return v;
  };
  const started = performance.now();
  const log = (msg: string) =>
    console.error(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${msg}`);
  const options: ConsoleOptions = {
    articles: option('--articles', 10000),
    keystrokes: option('--keystrokes', 200),
    budgetS: option('--budget-s', 180),
    buildClient: argv.includes('--build-client'),
    seed: option('--seed', 17),
    log,
  };
  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    node: process.version,
    memoryGB: round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map(round),
  };
  // nothing may run forever: the whole run, database included, has a hard limit
  const watchdog = setTimeout(
    () => {
      console.error('console bench: over its time limit, giving up');
      removeTempDirs();
      process.exit(2);
    },
    (options.budgetS + 600) * 1000,
  );
  watchdog.unref();
  // the server child exits with its parent (IPC disconnect), Playwright closes its Chromium
  process.once('SIGINT', () => {
    removeTempDirs();
    process.exit(130);
  });
  const r = await consoleBench(options);
  printConsole(r);
  const durationS = round((performance.now() - started) / 1000);
  console.log(
    `\nmachine: ${machine.cpus} × ${machine.model}, node ${machine.node}, ${machine.memoryGB} GB, load ${machine.loadAverageAtStart.join(' ')}; took ${durationS} s`,
  );
  const { log: _log, ...shown } = options;
  console.log(JSON.stringify({ machine, options: shown, durationS, ...r }));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
