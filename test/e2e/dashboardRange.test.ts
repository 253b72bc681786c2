// The dashboard's range errors and money, in Debian's Chromium over the demo seed: a range the
// API would refuse is said at the date fields (and old figures go), escalations avoided are
// valued in the currency setting, and axe-core finds no serious problem on either view.
import type { Page } from 'playwright-core';
import { AXE_CONTEXT, axeProblems } from '../helpers/axe';
import { useBrowserSuite } from '../helpers/server';

jest.setTimeout(90_000);

const MANAGER = 'manager@firstcall.example';
const ADMIN = 'admin@firstcall.example';
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('dashboard: range errors and currency', () => {
  const suite = useBrowserSuite({ context: { locale: 'en-US' } });
  const { signIn } = suite;

  const tiles = (page: Page) => page.getByRole('list', { name: 'Headline numbers' });

  async function openDashboard(page: Page, query = '') {
    await page.goto(`${suite.url}/dashboard${query}`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  }

  it('says a reversed range at the fields, hides the old figures, and recovers', async () => {
    const page = await signIn(MANAGER, AXE_CONTEXT);
    const statsRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/stats/')) statsRequests.push(r.url());
    });
    await openDashboard(page);
    await page.getByRole('heading', { name: 'Article impact' }).waitFor();
    await tiles(page).waitFor();

    const from = page.getByLabel('From', { exact: true });
    const to = page.getByLabel('To (inclusive)', { exact: true });
    const toDay = await to.inputValue();
    const late = isoDay(Date.parse(`${toDay}T00:00:00Z`) + 3 * DAY);
    statsRequests.length = 0;
    await from.fill(late);
    await page.waitForURL((u) => u.searchParams.get('from') === late);

    const alert = page.getByRole('alert').filter({ hasText: 'is after To' });
    await alert.waitFor();
    const alertId = await alert.getAttribute('id');
    expect(alertId).toBeTruthy();
    for (const field of [from, to]) {
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toBe(alertId);
    }
    // no figures that look current, and no request the server would refuse
    expect(await tiles(page).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Article impact' }).count()).toBe(0);
    await page.getByText('No figures until the range is valid').waitFor();
    expect(statsRequests).toEqual([]);
    // the accessibility check of the error view
    expect(await axeProblems(page)).toEqual([]);

    // a valid From again: the error goes, the figures come back
    const early = isoDay(Date.parse(`${toDay}T00:00:00Z`) - 6 * DAY);
    await from.fill(early);
    await page.waitForURL((u) => u.searchParams.get('from') === early);
    await tiles(page).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'is after To' }).count()).toBe(0);
    expect(await from.getAttribute('aria-invalid')).toBeNull();
    expect(await from.getAttribute('aria-describedby')).toBeNull();
  });

  it('says a range of more than 731 days at the fields (a hand-edited URL too)', async () => {
    const page = await signIn(MANAGER, AXE_CONTEXT);
    const to = isoDay(Date.now());
    const from = isoDay(Date.now() - 800 * DAY);
    await openDashboard(page, `?from=${from}&to=${to}`);
    const alert = page.getByRole('alert').filter({ hasText: 'at most 731' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('801 days');
    expect(await page.getByLabel('To (inclusive)').getAttribute('aria-invalid')).toBe('true');
    expect(await tiles(page).count()).toBe(0);
    expect(await axeProblems(page)).toEqual([]);
  });

  it('values escalations avoided in the currency setting', async () => {
    const admin = await signIn(ADMIN, AXE_CONTEXT);
    await admin.goto(`${suite.url}/admin/settings`);
    const currency = admin.getByLabel('Currency', { exact: true });
    expect(await currency.inputValue()).toBe('USD');
    expect(await axeProblems(admin)).toEqual([]);
    // the costs say their currency
    await admin.getByLabel('Cost of an escalated contact (USD)').waitFor();
    await currency.fill('ZZZ');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Not an ISO 4217 currency code').waitFor(); // checked before sending
    expect(await currency.getAttribute('aria-invalid')).toBe('true');
    expect(await axeProblems(admin)).toEqual([]); // the settings page with its error
    await currency.fill('eur');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByRole('status').getByText('Settings saved').waitFor();
    expect(await currency.inputValue()).toBe('EUR');
    await admin.getByLabel('Cost of an escalated contact (EUR)').waitFor();

    try {
      const page = await signIn(MANAGER, AXE_CONTEXT);
      await openDashboard(page);
      const q = `from=${isoDay(Date.now() - 29 * DAY)}&to=${isoDay(Date.now())}`;
      const res = await page.request.get(`${suite.url}/api/stats/summary?${q}`);
      const value = ((await res.json()) as { data: { escalationsAvoidedValue: number } }).data
        .escalationsAvoidedValue;
      const euros = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: 'EUR',
        ...(Number.isInteger(value) && { maximumFractionDigits: 0 }),
      });
      const tile = tiles(page).getByRole('link', { name: /^Escalations avoided/ });
      await tile.getByText(`worth ${euros.format(value)} at €69 − €22 per escalation`).waitFor();
      // time to publish: one headline number under one label
      const ttp = tiles(page).getByRole('link', { name: /^Time to publish/ });
      expect(await ttp.locator('.dashboard-tile-label').textContent()).toBe('Time to publish');
      expect(await ttp.locator('.dashboard-tile-value').count()).toBe(1);
      expect(await ttp.locator('.dashboard-tile-detail').textContent()).toMatch(/^median .* p90 /);
      await page.getByRole('heading', { name: 'Article impact' }).waitFor();
      expect(await axeProblems(page)).toEqual([]);
    } finally {
      const res = await admin.request.get(`${suite.url}/api/auth/csrf`);
      const { token } = ((await res.json()) as { data: { token: string } }).data;
      await admin.request.patch(`${suite.url}/api/settings`, {
        headers: { 'X-CSRF-Token': token },
        data: { currency: 'USD' },
      });
    }
  });
});
