// The engineer's side in a real browser (Debian's Chromium) against the whole product: a
// "needs an article" request becomes an article (live preview, submit), a colleague validates
// it, an agent finds it; a stale save (409) shows what changed and keeps the text; history
// diffs and restores; the queue's flags are resolved with a note. Outcomes are checked
// through the API, not only on screen.
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { createUser } from '../../server/services/users/users';
import { DEMO_PASSWORD } from '../../server/content/seed';
import { useBrowserSuite } from '../helpers/server';

jest.setTimeout(90_000);

const COLLEAGUE = 'nia.network@firstcall.example';

interface QueueJson {
  requestGroups: { key: string; queries: string[]; contacts: number; requestIds: number[] }[];
  requests: { id: number }[];
  flags: { id: number; comment: string }[];
}
interface ArticleJson {
  id: number;
  slug: string;
  version: number;
  confidence: string;
  environment: string;
  resolution: string;
  verifyBy: string | null;
}
interface VersionJson {
  version: number;
  kind: string;
  restoredFrom: number | null;
  author: { name: string } | null;
  confidence: string;
}

describe('engineer UI', () => {
  const suite = useBrowserSuite({
    // a second network engineer, made the way the CLI's `user add` makes users
    seed: (server) =>
      createUser(server.db, {
        email: COLLEAGUE,
        name: 'Nia Network',
        role: 'engineer',
        department: 'network',
        password: DEMO_PASSWORD,
      }),
  });
  const { signIn, api } = suite;

  const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
  const preview = (page: Page, field: string) =>
    page.locator('.md-preview', { has: page.getByRole('heading', { name: `${field} preview` }) });
  const review = (page: Page) => page.getByRole('complementary', { name: 'Review' });

  /** Runs a review step: its button on the article page, then the dialog's submit. */
  async function step(page: Page, label: string, note?: string) {
    await review(page).getByRole('button', { name: label, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: label });
    await dialog.waitFor();
    if (note) await dialog.getByLabel('Note for the history').fill(note);
    await dialog.getByRole('button', { name: label, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('a request in the queue becomes an article: preview, submit, a colleague validates, an agent finds it', async () => {
    const noor = await api('engineer@firstcall.example');
    const before = await noor.get<QueueJson>('/api/queue/network');
    // the demo history leaves open "needs an article" requests; another caller asks the same
    const first = before.requestGroups[0]!;
    const alex = await api('agent@firstcall.example');
    const contact = await alex.send<{ id: number }>('POST', '/api/contacts', { channel: 'chat' });
    await alex.get(
      `/api/search?q=${encodeURIComponent(first.queries[0]!)}&contactId=${contact.id}`,
    );
    await alex.send('POST', `/api/contacts/${contact.id}/close`, {
      outcome: 'escalated',
      department: 'network',
      reason: 'Not in the knowledge base yet.',
      needsArticle: true,
    });
    const group = (await noor.get<QueueJson>('/api/queue/network')).requestGroups.find(
      (g) => g.key === first.key,
    )!;
    expect(group.requestIds).toHaveLength(first.requestIds.length + 1); // one article answers all
    const query = group.queries[0]!;

    const page = await signIn('engineer@firstcall.example');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Queue' })
      .click();
    await page.getByRole('heading', { name: 'Network Engineering queue' }).waitFor();
    const item = page
      .getByRole('list', { name: 'Needs an article' })
      .getByRole('listitem')
      .filter({ hasText: `“${query}”` });
    await item.getByText(`${group.contacts} contact`).waitFor();
    await item.getByRole('link', { name: 'Write the article' }).click();

    // pre-filled: the callers' words and the queue's department
    await page.getByRole('heading', { name: 'New article' }).waitFor();
    expect(await textbox(page, 'Issue').inputValue()).toContain(query);
    expect(await page.getByLabel('Department').inputValue()).toBe('network');

    const title = `${query[0]!.toUpperCase()}${query.slice(1)}: what to check first`;
    await textbox(page, 'Title').fill(title);
    await textbox(page, 'Environment').fill('- Any FH-300 setup\n\n<img src=x onerror="alert(1)">');
    await textbox(page, 'Resolution').fill(
      '1. Ask the customer to open **Settings > Reset**.\n2. Read out code `E2E-4242`.',
    );
    await textbox(page, 'Error codes').fill('E2E-4242');
    // the live preview is the server's renderer and sanitizer
    await preview(page, 'Resolution').locator('ol > li').nth(1).waitFor();
    expect(await preview(page, 'Resolution').locator('strong').innerText()).toBe(
      'Settings > Reset',
    );
    await preview(page, 'Environment').locator('li').waitFor();
    expect(await preview(page, 'Environment').locator('[onerror]').count()).toBe(0);

    await page.getByRole('button', { name: 'Create article' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await review(page).getByText('Work in progress').waitFor();
    const slug = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);

    await step(page, 'Submit for review', 'Written from the queue');
    await review(page).getByText('Not validated', { exact: true }).waitFor();
    // published: every request of the group left the queue, and the group with them
    const after = await noor.get<QueueJson>('/api/queue/network');
    for (const id of group.requestIds) expect(after.requests.map((r) => r.id)).not.toContain(id);
    expect(after.requestGroups.map((g) => g.key)).not.toContain(group.key);

    // a colleague of the owning department validates it
    const nia = await signIn(COLLEAGUE);
    await nia.goto(`${suite.url}/articles/${slug}`);
    await step(nia, 'Validate', 'Checked on a test line');
    await review(nia).getByText('Validated', { exact: true }).waitFor();
    const validated = await noor.get<ArticleJson>(`/api/articles/${slug}`);
    expect(validated.confidence).toBe('validated');
    expect(validated.verifyBy).not.toBeNull();
    // and, as an owner, confirms it still holds: verify now
    await review(nia).getByRole('button', { name: 'Verify now' }).click();
    await nia
      .getByRole('dialog', { name: 'Verify now' })
      .getByRole('button', { name: 'Verify' })
      .click();
    await review(nia).getByText('by Nia Network').waitFor();
    const versions = await noor.get<VersionJson[]>(`/api/articles/${slug}/versions`);
    expect(versions.map((v) => [v.kind, v.confidence, v.author?.name])).toEqual([
      ['verify', 'validated', 'Nia Network'],
      ['confidence', 'validated', 'Nia Network'],
      ['confidence', 'not_validated', 'Noor Network'],
      ['create', 'wip', 'Noor Network'],
    ]);

    // the next agent who searches the callers' words finds it
    const agent = await signIn('agent@firstcall.example');
    await agent.getByRole('searchbox', { name: 'Search' }).fill(query);
    await agent
      .getByRole('list', { name: 'Results' })
      .locator(':scope > li')
      .first()
      .filter({ hasText: title })
      .waitFor({ timeout: 5000 });
  });

  it('a stale save (409) shows what changed meanwhile, keeps my text, and merges line by line', async () => {
    const slug = 'dsl-speed-drops-in-wet-weather';
    const page = await signIn('engineer@firstcall.example');
    await page.goto(`${suite.url}/articles/${slug}/edit`);
    const resolution = textbox(page, 'Resolution');
    await resolution.waitFor();
    const original = await resolution.inputValue();
    const originalEnvironment = await textbox(page, 'Environment').inputValue();
    const mine = `${original}\n\nMINE: book a line engineer visit.`;
    const myEnvironment = `${originalEnvironment}\n- MINE: FH-300 only`;
    await textbox(page, 'Environment').fill(myEnvironment);
    await resolution.fill(mine);

    // meanwhile a colleague changes other lines of the resolution, and the same line of the
    // environment (both added a last line)
    const nia = await api(COLLEAGUE);
    const current = await nia.get<ArticleJson>(`/api/articles/${slug}`);
    const theirEnvironment = `${originalEnvironment}\n- THEIRS: every router`;
    await nia.send('PATCH', `/api/articles/${current.id}`, {
      version: current.version,
      resolution: `THEIRS: check the filter first.\n\n${original}`,
      environment: theirEnvironment,
    });

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Someone else saved a newer version' })
      .waitFor();
    const notice = page.getByRole('region', { name: 'Save conflict' });
    await notice.locator('ins', { hasText: 'THEIRS' }).first().waitFor(); // what changed
    expect(await resolution.inputValue()).toBe(mine); // nothing I typed is lost

    await notice.getByRole('button', { name: 'Merge my changes into the latest version' }).click();
    await page.getByRole('heading', { name: 'Your text' }).waitFor();
    // different lines of one field merge by themselves
    expect(await resolution.inputValue()).toBe(
      `THEIRS: check the filter first.\n\n${original}\n\nMINE: book a line engineer visit.`,
    );
    // the same line changed by both: theirs in the form, mine beside it to choose
    expect(await textbox(page, 'Environment').inputValue()).toBe(theirEnvironment);
    expect(await page.getByLabel('Environment (yours)').inputValue()).toBe(myEnvironment);
    expect(await page.getByLabel('Resolution (yours)').count()).toBe(0);
    await page.getByRole('button', { name: 'Use my text for Environment' }).click();
    await textbox(page, 'Environment').fill(`${theirEnvironment}\n- MINE: FH-300 only`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: /DSL broadband/ }).waitFor();

    const saved = await nia.get<ArticleJson>(`/api/articles/${slug}`);
    expect(saved.version).toBe(current.version + 2);
    expect(saved.resolution).toContain('THEIRS');
    expect(saved.resolution).toContain('MINE: book a line engineer visit.');
    expect(saved.environment).toContain('MINE: FH-300 only');
    expect(saved.environment).toContain('THEIRS: every router');
  });

  it('unsaved text survives a page reload', async () => {
    const page = await signIn('engineer@firstcall.example');
    await page.goto(`${suite.url}/articles/ont-red-los-light-no-fibre-signal/edit`);
    await textbox(page, 'Cause').fill('Typed before the reload.');
    await page.reload();
    await page.getByText('Restored your unsaved changes').waitFor();
    expect(await textbox(page, 'Cause').inputValue()).toBe('Typed before the reload.');
    await page.getByRole('button', { name: 'Discard my unsaved changes' }).click();
    expect(await textbox(page, 'Cause').inputValue()).not.toBe('Typed before the reload.');
  });

  it('history: a line-level diff between any two versions, and restoring an old one', async () => {
    const slug = 'websites-fail-dns-probe-nxdomain';
    const noor = await api('engineer@firstcall.example');
    const v1 = await noor.get<ArticleJson>(`/api/articles/${slug}`);
    const v2 = await noor.send<ArticleJson>('PATCH', `/api/articles/${v1.id}`, {
      version: v1.version,
      resolution: `${v1.resolution}\n\nSECOND: flush the DNS cache.`,
    });
    await noor.send('PATCH', `/api/articles/${v1.id}`, {
      version: v2.version,
      resolution: `${v2.resolution}\n\nTHIRD: try another browser.`,
      note: 'third step',
    });

    const page = await signIn('engineer@firstcall.example');
    await page.goto(`${suite.url}/articles/${slug}`);
    await review(page).getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: /^History:/ }).waitFor();
    const rows = page.getByRole('table').locator('tbody > tr');
    expect(await rows.count()).toBe(3);
    await rows.filter({ hasText: 'third step' }).waitFor();

    await page.getByRole('radio', { name: `Compare from version ${v1.version}` }).check();
    await page
      .getByRole('heading', {
        name: `Changes from version ${v1.version} to version ${v1.version + 2}`,
      })
      .waitFor();
    const diff = page.locator('.history-diff');
    await diff.locator('ins', { hasText: 'SECOND' }).waitFor();
    await diff.locator('ins', { hasText: 'THIRD' }).waitFor();
    expect(await diff.locator('del').count()).toBe(0);

    await page.getByRole('button', { name: `Restore version ${v1.version}` }).click();
    const dialog = page.getByRole('dialog', { name: `Restore version ${v1.version}` });
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await rows.nth(3).waitFor();
    expect(await rows.first().innerText()).toContain(`Restored from version ${v1.version}`);
    const restored = await noor.get<ArticleJson>(`/api/articles/${slug}`);
    expect(restored.version).toBe(v1.version + 3);
    expect(restored.resolution).toBe(v1.resolution);
  });

  it('flags are resolved with a note; managers read the queue without acting', async () => {
    const agent = await api('agent@firstcall.example');
    const flag = await agent.send<{ id: number }>(
      'POST',
      '/api/articles/voice-one-way-audio-sip-alg/flags',
      { reason: 'missing_step', comment: 'E2E: no step for softphones' },
    );
    const page = await signIn('engineer@firstcall.example');
    await page.goto(`${suite.url}/queue`);
    await page.waitForURL(/\/queue\/network$/);
    // tabs with counts at the top; the flags tab is kept in the address
    const tabs = page.getByRole('tablist', { name: 'Queue' });
    const flagsTab = tabs.getByRole('tab', { name: /^Open flags/ });
    const counted = await (
      await api('engineer@firstcall.example')
    ).get<QueueJson>('/api/queue/network');
    expect(await flagsTab.innerText()).toContain(String(counted.flags.length));
    expect(await tabs.getByRole('tab').allInnerTexts()).toEqual([
      expect.stringMatching(/^Needs an article\s*\d+$/),
      expect.stringMatching(/^Open flags\s*\d+$/),
      expect.stringMatching(/^Stale\s*\d+$/),
      expect.stringMatching(/^Failing\s*\d+$/),
    ]);
    await tabs.getByRole('tab', { selected: true, name: /^Needs an article/ }).focus();
    await page.keyboard.press('ArrowRight'); // the arrows move between tabs
    await tabs.getByRole('tab', { selected: true, name: /^Open flags/ }).waitFor();
    await page.waitForURL(/\/queue\/network\?tab=flags$/);
    await page.reload();
    const flags = page.getByRole('list', { name: 'Open flags' });
    const item: Locator = flags.getByRole('listitem').filter({ hasText: 'no step for softphones' });
    await item.getByText('Missing a step').waitFor();
    await item.getByText('Alex Agent').waitFor();
    await item.getByRole('button', { name: 'Resolve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resolve flag' });
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await dialog.getByText('Say how it was resolved.').waitFor(); // a note is required
    await dialog.getByLabel('How was it resolved?').fill('Added a softphone step.');
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await item.waitFor({ state: 'detached' });
    const queue = await (
      await api('engineer@firstcall.example')
    ).get<QueueJson>('/api/queue/network');
    expect(queue.flags.map((f) => f.id)).not.toContain(flag.id);

    const manager = await signIn('manager@firstcall.example');
    await manager.getByRole('link', { name: 'Queue' }).click();
    await manager.getByLabel('Department').selectOption('billing');
    await manager.getByRole('heading', { name: 'Billing queue' }).waitFor();
    await manager.getByText('Read only').waitFor();
    expect(await manager.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
    expect(await manager.getByRole('link', { name: 'Write the article' }).count()).toBe(0);

    // impact: per article, sortable; no column names a person
    await manager.getByRole('link', { name: 'Impact' }).click();
    await manager.getByRole('heading', { name: /impact$/ }).waitFor();
    const table = manager.getByRole('table');
    expect(await table.locator('thead th').allInnerTexts()).not.toContainEqual(
      expect.stringMatching(/author|engineer|who/i),
    );
    const solves = table.getByRole('columnheader', { name: /^Solves/ });
    await solves.getByRole('button').click();
    expect(await solves.getAttribute('aria-sort')).toBe('descending');
    const column = await table.locator('tbody tr td:nth-of-type(2)').allInnerTexts();
    const numbers = column.map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await solves.getByRole('button').click();
    expect(await solves.getAttribute('aria-sort')).toBe('ascending');
  });

  it('admins change a setting and find the change in the audit log', async () => {
    const page = await signIn('admin@firstcall.example', { acceptDownloads: true });
    await page.getByRole('link', { name: 'Settings' }).click();
    const threshold = page.getByLabel('Failing threshold');
    expect(await threshold.inputValue()).toBe('3');
    await threshold.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Between 1 and 1000.').waitFor(); // checked before sending
    await threshold.fill('4');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').getByText('Settings saved').waitFor();
    const admin = await api('admin@firstcall.example');
    expect((await admin.get<{ failThreshold: number }>('/api/settings')).failThreshold).toBe(4);

    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByLabel('Action').selectOption('settings.change');
    const row = page.getByRole('table').locator('tbody > tr').first();
    await row.filter({ hasText: 'failThreshold' }).waitFor();
    expect(await row.innerText()).toContain('Ada Admin');

    // sign-ins are there, named by person; days filter; the filtered entries download as CSV
    await page.getByLabel('Action').selectOption('auth.login');
    await row.filter({ hasText: 'Signed in' }).waitFor();
    expect(await row.locator('td').nth(3).innerText()).toMatch(/^\S.* user #\d+$/);
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('To (inclusive)').fill(today);
    await page.getByLabel('From').fill(tomorrow);
    await page
      .getByRole('alert')
      .getByText(/From is after To/)
      .waitFor();
    expect(await page.getByLabel('From').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('From').fill(today);
    await page.getByText(/^Entries 1–\d+ of \d+, newest first\.$/).waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`firstcall-audit-${today}-to-${today}.csv`);
    const lines = fs
      .readFileSync(await file.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('at,actorId,actorName,action,entity,entityId,entityLabel,detail');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(',auth.login,user,'))).toBe(true);
  });
});
