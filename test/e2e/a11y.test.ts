// axe-core on the agent console and the article page at 1366×768: no serious or critical
// violations, with results shown, with each console dialog open, and on the article page;
// and on the engineer's editor (with previews), department queue and article history; the
// article page's outcome bar on a phone; the admin's audit log.
import type { Page } from 'playwright-core';
import { AXE_CONTEXT, axeProblems } from '../helpers/axe';
import { submitLogin, useBrowserSuite } from '../helpers/server';

jest.setTimeout(60_000);

/** A seeded network article with error codes, products and numbered steps. */
const ARTICLE = 'router-orange-led-after-firmware-update';
/** Another validated network article: the history test changes it. */
const HISTORY_ARTICLE = 'ont-serial-mismatch-provisioning-job-stuck';

describe('accessibility (axe-core)', () => {
  const suite = useBrowserSuite({ context: AXE_CONTEXT });
  let page: Page;

  beforeEach(async () => {
    page = await suite.signIn('agent@firstcall.example');
  });

  const results = () => page.getByRole('list', { name: 'Results' }).locator(':scope > li');

  async function showResults() {
    await page.getByRole('searchbox', { name: 'Search' }).fill('router blinkng ornage');
    await results().first().filter({ hasText: 'Router power light blinks orange' }).waitFor();
    await page
      .getByRole('region', { name: 'Reading pane' })
      .getByRole('heading', { name: 'Resolution' })
      .waitFor();
    await page.getByRole('group', { name: 'Department' }).waitFor();
  }

  it('the console with results, facets and the reading pane', async () => {
    await showResults();
    await page.getByRole('searchbox', { name: 'Search' }).press('ArrowDown'); // focus in the list
    expect(await axeProblems(page)).toEqual([]);
  });

  it('the console before any search', async () => {
    expect(await axeProblems(page)).toEqual([]);
  });

  it.each([
    ['e', 'Escalate contact'],
    ['x', 'Flag article'],
    ['f', 'Follow-up'],
    ['n', 'New contact'],
  ])('the console with a dialog open (key %s: %s)', async (key, name) => {
    await showResults();
    await page.getByRole('searchbox', { name: 'Search' }).press('ArrowDown');
    await page.keyboard.press(key);
    const dialog = page.getByRole('dialog', { name });
    await dialog.waitFor();
    expect(await dialog.getAttribute('open')).not.toBeNull(); // a modal <dialog>
    // focus is inside the dialog, not behind it
    expect(await dialog.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
    expect(await axeProblems(page)).toEqual([]);
  });

  it('the article page', async () => {
    await page.goto(`${suite.url}/articles/${ARTICLE}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Resolution' }).waitFor({ timeout: 5000 });
    expect(await axeProblems(page)).toEqual([]);
  });

  it('the article page with the flag dialog open, on a narrow screen', async () => {
    await page.setViewportSize({ width: 414, height: 800 });
    await page.goto(`${suite.url}/articles/${ARTICLE}`);
    await page.getByRole('button', { name: 'Flag article' }).click({ timeout: 5000 });
    await page.getByRole('dialog', { name: 'Flag article' }).waitFor({ timeout: 5000 });
    expect(await axeProblems(page)).toEqual([]);
  });

  it('the article page with the outcome bar of an open contact, on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('searchbox', { name: 'Search' }).fill('router blinking orange');
    await results().first().getByRole('link').first().click();
    await page.getByRole('group', { name: 'Contact outcome' }).waitFor({ timeout: 5000 });
    expect(await axeProblems(page)).toEqual([]);
  });

  it('the audit log with entries, its day filters and a range error', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await submitLogin(page, 'admin@firstcall.example');
    await page.waitForURL(/\/admin$/);
    await page.goto(`${suite.url}/admin/audit`);
    await page.getByRole('table').locator('tbody > tr').first().waitFor({ timeout: 5000 });
    expect(await axeProblems(page)).toEqual([]);
    await page.getByLabel('To (inclusive)').fill('2026-01-01');
    await page.getByLabel('From').fill('2026-02-01');
    await page
      .getByRole('alert')
      .getByText(/From is after To/)
      .waitFor();
    expect(await axeProblems(page)).toEqual([]);
  });

  describe('engineer pages', () => {
    beforeEach(async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login/);
      await submitLogin(page, 'engineer@firstcall.example');
      // An engineer's home is the department queue, not the console.
      await page.waitForURL(/\/queue\/network/);
    });

    it('the editor with live previews', async () => {
      await page.goto(`${suite.url}/articles/${ARTICLE}/edit`);
      await page.getByRole('textbox', { name: 'Resolution', exact: true }).waitFor();
      const preview = page.locator('.md-preview', {
        has: page.getByRole('heading', { name: 'Resolution preview' }),
      });
      await preview.locator('ol li').first().waitFor({ timeout: 5000 });
      expect(await axeProblems(page)).toEqual([]);
    });

    it('the department queue, with the resolve dialog open', async () => {
      await page.goto(`${suite.url}/queue/network`);
      await page.getByRole('heading', { name: 'Network Engineering queue' }).waitFor();
      await page.getByRole('heading', { name: /^Needs an article/ }).waitFor();
      await page.getByRole('list', { name: 'Needs an article' }).waitFor({ timeout: 5000 });
      expect(await axeProblems(page)).toEqual([]);
      await page.getByRole('button', { name: 'Resolve' }).first().click();
      await page.getByRole('dialog', { name: 'Resolve request' }).waitFor();
      expect(await axeProblems(page)).toEqual([]);
    });

    it('the article history with a diff', async () => {
      // two versions to compare: the validation step saves a second one
      await page.goto(`${suite.url}/articles/${HISTORY_ARTICLE}`);
      await page.getByRole('button', { name: 'Withdraw validation' }).click({ timeout: 5000 });
      await page
        .getByRole('dialog', { name: 'Withdraw validation' })
        .getByRole('button', { name: 'Withdraw validation' })
        .click();
      await page
        .getByRole('complementary', { name: 'Review' })
        .getByText('Not validated', { exact: true })
        .waitFor();
      await page.goto(`${suite.url}/articles/${HISTORY_ARTICLE}/history`);
      await page.getByRole('heading', { name: /^Changes from version 1 to version 2/ }).waitFor();
      await page.locator('.history-diff ins').first().waitFor({ timeout: 5000 });
      expect(await axeProblems(page)).toEqual([]);
    });
  });

  it('axe does report a real problem (the check itself works)', async () => {
    // an image without alt text: critical
    await page.locator('main').evaluate((main) => {
      const img = main.ownerDocument.createElement('img');
      img.setAttribute('src', 'data:,');
      main.appendChild(img);
    });
    expect((await axeProblems(page)).join('\n')).toMatch(/image-alt/);
  });
});
