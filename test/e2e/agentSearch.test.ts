import type { Page } from 'playwright-core';
import { signIn, signInOnLoginPage, submitLogin, useBrowserSuite } from '../helpers/server';

jest.setTimeout(60_000);

describe('in the browser', () => {
  const suite = useBrowserSuite();
  let page: Page;

  beforeEach(async () => {
    page = await (await suite.newContext()).newPage();
  });

  const searchBox = () => page.getByRole('searchbox', { name: 'Search' });
  const results = () => page.getByRole('list', { name: 'Results' }).getByRole('listitem');
  /** Waits until the first result contains `text` (fails after 5 s). */
  const firstResultShows = (text: string | RegExp) =>
    results().first().filter({ hasText: text }).waitFor({ timeout: 5000 });

  it('an agent finds a fix by a misspelled symptom and by an error code, and reads it', async () => {
    await page.goto(`${suite.url}/`);
    await page.waitForURL(/\/login/);
    await signInOnLoginPage(page, 'agent@firstcall.example');
    expect(await searchBox().evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await searchBox().fill('router blinkng ornage');
    await firstResultShows('Router power light blinks orange');
    await results().first().locator('mark').first().waitFor();

    await searchBox().fill('E-1043');
    await firstResultShows('Router power light blinks orange');
    await searchBox().fill('0x80070005');
    await firstResultShows('0x80070005');

    // open the first hit from the keyboard and read the sanitized resolution
    await searchBox().fill('pasword reset link expired');
    await firstResultShows(/password reset/i);
    await searchBox().press('Enter');
    const pane = page.getByRole('region', { name: 'Reading pane' });
    await pane.getByRole('heading', { name: 'Resolution' }).waitFor();
    expect(await pane.locator('ol li').count()).toBeGreaterThan(1);
    expect(await pane.getByRole('heading', { name: 'Cause' }).count()).toBe(0); // internal
    expect(await pane.locator('script').count()).toBe(0);
  });

  it('an engineer publishes an article that an agent finds on the next search', async () => {
    await signIn(page, suite.url, 'engineer@firstcall.example');
    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByLabel('Title').fill('Smart plug drops off Wi-Fi every evening');
    await page
      .getByLabel('Issue')
      .fill('Customer says the smart plug goes offline around 7pm each day.');
    await page
      .getByLabel('Resolution')
      .fill('1. Open the router page.\n2. Set the 2.4 GHz channel to 6.');
    await page.getByLabel('Confidence').selectOption('validated');
    await page.getByLabel('Error codes').fill('PLUG-77');
    await page.getByRole('button', { name: 'Create article' }).click();
    await page.getByRole('heading', { name: 'Smart plug drops off Wi-Fi every evening' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await signInOnLoginPage(page, 'agent@firstcall.example');
    await searchBox().fill('PLUG-77');
    await firstResultShows('Smart plug drops off Wi-Fi every evening');
  });

  it('shows a clear error for a wrong password', async () => {
    await page.goto(`${suite.url}/login`);
    await submitLogin(page, 'agent@firstcall.example', 'not-the-password');
    await page
      .getByRole('alert')
      .filter({ hasText: /incorrect/i })
      .waitFor({ timeout: 5000 });
  });
});
