// The managers' dashboard in a real browser (Debian's Chromium) over the demo seed's 90 days of
// history: headline tiles match the API, the range and filters live in the URL, every number
// drills down to its contacts (paged), tables sort and download as CSV, an empty range shows no
// NaN, agents get no dashboard, and axe-core finds no serious problem.
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { AXE_CONTEXT, axeProblems } from '../helpers/axe';
import { useBrowserSuite } from '../helpers/server';

jest.setTimeout(90_000);

const MANAGER = 'manager@firstcall.example';
const AGENT = 'agent@firstcall.example';
const DAY = 86_400_000;
const CONTACT_CSV_HEADER =
  'id,agent,agentDepartment,channel,customerRef,startedAt,closedAt,outcome,articleId,article,' +
  'articleDepartment,escalatedTo';

interface Summary {
  contacts: number;
  escalationsAvoided: number;
  fcrClaimed: number | null;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = () => isoDay(Date.now());
/** The browser runs in en-US (set on the context), so numbers read "1,234". */
const shown = (n: number) => n.toLocaleString('en-US');

describe('managers dashboard', () => {
  const suite = useBrowserSuite({ context: { locale: 'en-US', acceptDownloads: true } });
  const { signIn } = suite;

  /** The same numbers through the API, with the browser's session. */
  async function summary(page: Page, query: string): Promise<Summary> {
    const res = await page.request.get(`${suite.url}/api/stats/summary?${query}`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { data: Summary }).data;
  }

  const tiles = (page: Page) => page.getByRole('list', { name: 'Headline numbers' });
  const tile = (page: Page, label: RegExp) => tiles(page).getByRole('link', { name: label });
  const tileValue = (t: Locator) => t.locator('.dashboard-tile-value');

  /** Waits until the tile shows `text` (the page loads asynchronously after each change). */
  async function waitForTile(page: Page, label: RegExp, text: string) {
    await tile(page, label).locator('.dashboard-tile-value', { hasText: text }).waitFor();
  }

  async function openDashboard(page: Page) {
    await page.goto(`${suite.url}/dashboard`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Article impact' }).waitFor();
  }

  /** Downloads a CSV by clicking `link`; returns its lines (without the final empty one). */
  async function download(page: Page, link: Locator): Promise<{ name: string; lines: string[] }> {
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = fs.readFileSync(await file.path(), 'utf8');
    return { name: file.suggestedFilename(), lines: text.split('\r\n').filter((l) => l !== '') };
  }

  it('shows the numbers, changes the range in the URL, drills down and downloads CSV', async () => {
    const page = await signIn(MANAGER);
    await openDashboard(page);

    // default: the last 30 days, the same numbers as the API's
    const month = `from=${isoDay(Date.now() - 29 * DAY)}&to=${today()}`;
    const monthly = await summary(page, month);
    expect(monthly.contacts).toBeGreaterThan(100);
    await waitForTile(page, /^Contacts/, shown(monthly.contacts));
    await waitForTile(page, /^FCR claimed/, `${Math.round(monthly.fcrClaimed! * 100)} %`);
    await waitForTile(page, /^Escalations avoided/, shown(monthly.escalationsAvoided));
    for (const label of [/^FCR verified/, /^Escalation rate/, /^Link rate/, /^Reuse rate/]) {
      expect(await tileValue(tile(page, label)).textContent()).toMatch(/^\d+ %$/);
    }
    // the charts are drawn by chart.js, with words for those who cannot see them
    const fcrChart = page.getByRole('img', { name: /^FCR claimed vs verified, per day/ });
    await fcrChart.waitFor();
    expect(await fcrChart.evaluate((el) => el.tagName)).toBe('CANVAS');

    // a preset range: the URL says it, the numbers follow
    await page
      .getByRole('group', { name: 'Range' })
      .getByRole('button', { name: 'Last 7 days' })
      .click();
    const week = `from=${isoDay(Date.now() - 6 * DAY)}&to=${today()}`;
    await page.waitForURL((u) => u.search.includes(week));
    const weekly = await summary(page, week);
    expect(weekly.contacts).toBeLessThan(monthly.contacts);
    await waitForTile(page, /^Contacts/, shown(weekly.contacts));
    expect(
      await page.getByRole('button', { name: 'Last 7 days' }).getAttribute('aria-pressed'),
    ).toBe('true');

    // a custom day and a filter, also in the URL (and so kept by a reload)
    const from = isoDay(Date.now() - 13 * DAY);
    await page.getByLabel('From', { exact: true }).fill(from);
    await page.waitForURL((u) => u.searchParams.get('from') === from);
    await page.getByLabel('Channel', { exact: true }).selectOption('phone');
    await page.waitForURL((u) => u.searchParams.get('channel') === 'phone');
    const custom = `from=${from}&to=${today()}&channel=phone`;
    const phone = await summary(page, custom);
    await waitForTile(page, /^Contacts/, shown(phone.contacts));
    await page.reload();
    await waitForTile(page, /^Contacts/, shown(phone.contacts));
    expect(await page.getByLabel('Channel', { exact: true }).inputValue()).toBe('phone');

    // drill down from a tile: the contacts behind the number, paged, newest first
    await tile(page, /^Escalations avoided/).click();
    await page.waitForURL((u) => u.searchParams.get('drill') === 'avoided');
    const heading = page.getByRole('heading', { name: /^Escalations avoided/, level: 2 });
    await heading.filter({ hasText: `(${shown(phone.escalationsAvoided)})` }).waitFor();
    const rows = page.locator('.dashboard-drill table tbody tr');
    expect(await rows.count()).toBe(Math.min(50, phone.escalationsAvoided));
    expect(await rows.first().getByRole('cell').nth(1).textContent()).toBe('Phone');
    expect(phone.escalationsAvoided).toBeGreaterThan(50); // two pages (the seed has ~15 a day)
    const pager = page.getByRole('navigation', { name: 'Pages of contacts', exact: true });
    await pager.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL((u) => u.searchParams.get('offset') === '50');
    await pager.getByText(`51–${Math.min(100, phone.escalationsAvoided)} of`).waitFor();
    await rows.first().getByRole('rowheader').waitFor();

    // every row of the drill-down as CSV
    const csv = await download(page, page.getByRole('link', { name: /as CSV$/ }));
    expect(csv.name).toBe(`firstcall-drill-avoided-${from}-to-${today()}.csv`);
    expect(csv.lines[0]).toBe(CONTACT_CSV_HEADER);
    expect(csv.lines).toHaveLength(phone.escalationsAvoided + 1);

    // back to the same overview (range and filter kept, drill gone)
    await page.getByRole('link', { name: '← Back to the dashboard' }).click();
    await page.waitForURL((u) => !u.searchParams.has('drill') && u.searchParams.has('channel'));
    await waitForTile(page, /^Contacts/, shown(phone.contacts));
  });

  it('drills from a heat-map cell, sorts the tables and exports them', async () => {
    const page = await signIn(MANAGER);
    await openDashboard(page);

    // the cross-silo matrix: a table with headers; a cell opens its department pair
    const matrix = page.getByRole('table', { name: /by the article's department/ });
    const billingRow = matrix.getByRole('row', { name: /^Billing/ });
    const cell = billingRow.getByRole('link', { name: /solved by Contact Center with Billing/ });
    await cell.click();
    await page.waitForURL(
      (u) =>
        u.searchParams.get('drill') === 'solvedWith' &&
        u.searchParams.get('drillAgent') === 'frontline' &&
        u.searchParams.get('drillArticle') === 'billing',
    );
    await page
      .getByRole('heading', { name: /^Solved with that department’s articles/, level: 2 })
      .waitFor();
    await page.locator('.dashboard-drill table tbody tr').first().waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Article impact' }).waitFor();

    // time to publish: its tile opens the escalations whose requested article was published
    await page.getByRole('link', { name: /^Time to publish/ }).click();
    await page.waitForURL((u) => u.searchParams.get('drill') === 'published');
    await page
      .getByRole('heading', { name: /^Escalations that got their article/, level: 2 })
      .waitFor();
    await page.locator('.dashboard-drill table tbody tr').first().waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Article impact' }).waitFor();

    // a chart's numbers, as a table whose values drill down to that day's contacts
    await page.getByText('Data table: escalation rate').click();
    const chartTable = page.getByRole('table', { name: /^Escalation rate, per day/ });
    const firstDay = chartTable.locator('tbody tr').first();
    const dayLabel = await firstDay.getByRole('rowheader').textContent();
    await firstDay.getByRole('link', { name: / %$/ }).click();
    await page.waitForURL(
      (u) =>
        u.searchParams.get('drill') === 'escalated' &&
        u.searchParams.get('drillFrom') !== null &&
        u.searchParams.get('drillFrom') === u.searchParams.get('drillTo'),
    );
    await page.getByRole('heading', { name: /^Escalated contacts/, level: 2 }).waitFor();
    await page.getByText(`${dayLabel} to ${dayLabel}`, { exact: false }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Article impact' }).waitFor();

    // content gaps: a header sorts (aria-sort says how), the three lists download as CSV
    const gaps = page.getByRole('table', { name: /^Searches with no results/ });
    const searchHeader = gaps.getByRole('columnheader', { name: /^Search\b/ });
    expect(
      await gaps.getByRole('columnheader', { name: /^Searches/ }).getAttribute('aria-sort'),
    ).toBe('descending');
    await searchHeader.getByRole('button').click();
    expect(await searchHeader.getAttribute('aria-sort')).toBe('ascending');
    const queries = await gaps.locator('tbody th').allTextContents();
    expect(queries).toEqual([...queries].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const gapCsv = await download(page, page.getByRole('link', { name: /three lists as CSV/ }));
    expect(gapCsv.lines[0]).toBe('kind,query,count,lastDay');

    // article impact: sortable, each article links to its page, CSV of every article
    const impact = page.getByRole('table', { name: /^Article impact/ });
    const uses = impact.getByRole('columnheader', { name: /^Uses/ });
    await uses.getByRole('button').click();
    expect(await uses.getAttribute('aria-sort')).toBe('descending');
    const firstUses = Number(
      await impact.locator('tbody tr').first().locator('td').nth(2).textContent(),
    );
    const secondUses = Number(
      await impact.locator('tbody tr').nth(1).locator('td').nth(2).textContent(),
    );
    expect(firstUses).toBeGreaterThanOrEqual(secondUses);
    const href = await impact.locator('tbody th a').first().getAttribute('href');
    expect(href).toMatch(/^\/articles\/[a-z0-9-]+$/);
    const articleCsv = await download(
      page,
      page.getByRole('link', { name: /article impact as CSV/ }),
    );
    expect(articleCsv.lines[0]).toMatch(/^id,slug,title,departmentSlug,/);
    expect(articleCsv.lines.length).toBeGreaterThan(10);
    // no people in it: articles are compared, never their authors
    expect(articleCsv.lines[0]).not.toMatch(/author|owner|agent/i);
  });

  it('shows empty ranges without NaN (bad ranges: dashboardRange.test.ts)', async () => {
    const page = await signIn(MANAGER);
    // a range in the future: no contacts, rates have nothing to divide by
    const future = isoDay(Date.now() + 400 * DAY);
    await page.goto(`${suite.url}/dashboard?from=${future}&to=${future}`);
    await page.getByText('No contacts closed in this period.').waitFor();
    await waitForTile(page, /^Contacts/, '0');
    expect(await tileValue(tile(page, /^FCR claimed/)).textContent()).toBe('—');
    expect(await page.locator('main').textContent()).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('gives agents no dashboard', async () => {
    const page = await signIn(AGENT);
    await page.goto(`${suite.url}/dashboard`);
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    expect(await page.getByRole('list', { name: 'Headline numbers' }).count()).toBe(0);
    const res = await page.request.get(
      `${suite.url}/api/stats/summary?from=${today()}&to=${today()}`,
    );
    expect(res.status()).toBe(403);
  });

  it('has no serious accessibility problems (axe-core), overview and drill-down', async () => {
    const page = await signIn(MANAGER, AXE_CONTEXT);
    await openDashboard(page);
    await page.getByRole('img', { name: /^Escalation rate/ }).waitFor();
    // one chart's data table open, as a screen-reader user would read it
    await page.getByText('Data table: fcr claimed vs verified').click();
    expect(await axeProblems(page)).toEqual([]);

    await tile(page, /^FCR verified/).click();
    await page.getByRole('heading', { name: /^Verified first-contact resolutions/ }).waitFor();
    await page.locator('.dashboard-drill table tbody tr').first().waitFor();
    expect(await axeProblems(page)).toEqual([]);
  });
});
