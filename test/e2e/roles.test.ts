// Every role has its home after signing in, and a look-up is not a customer contact.
import type { Page } from 'playwright-core';
import { submitLogin, useBrowserSuite } from '../helpers/server';

describe('where each role lands', () => {
  const suite = useBrowserSuite();

  /** The client navigates with the History API (no load event to wait for): poll the URL. */
  async function landsOn(page: Page, url: RegExp): Promise<void> {
    const deadline = Date.now() + 5000;
    while (!url.test(new URL(page.url()).pathname)) {
      if (Date.now() > deadline) throw new Error(`still on ${page.url()}, expected ${url}`);
      await page.waitForTimeout(50);
    }
  }

  async function signInAt(path: string, email: string): Promise<Page> {
    const page = await (await suite.newContext()).newPage();
    await page.goto(`${suite.url}${path}`);
    await submitLogin(page, email);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  it.each([
    ['agent@firstcall.example', /^\/$/, 'searchbox'],
    ['engineer@firstcall.example', /\/queue\/network$/, 'Queue'],
    ['manager@firstcall.example', /\/dashboard$/, 'Dashboard'],
    ['admin@firstcall.example', /\/admin$/, 'Admin'],
  ])('%s', async (email, url, landmark) => {
    const page = await signInAt('/login', email);
    await landsOn(page, url);
    if (landmark === 'searchbox') await page.getByRole('searchbox', { name: 'Search' }).waitFor();
    else await page.getByRole('heading', { level: 1, name: new RegExp(landmark, 'i') }).waitFor();
    // everyone can reach search
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Search' })
      .click();
    await page.getByRole('searchbox', { name: 'Search' }).waitFor();
  });

  it('a next parameter still wins', async () => {
    const page = await signInAt('/login?next=%2Fadmin%2Fsettings', 'admin@firstcall.example');
    await landsOn(page, /\/admin\/settings$/);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  });

  it('an engineer’s search from the queue opens no contact; pressing N still starts one', async () => {
    const page = await signInAt('/login', 'engineer@firstcall.example');
    await landsOn(page, /\/queue\/network$/);
    const api = await suite.api('engineer@firstcall.example');
    const open = async () => (await api.get<unknown[]>('/api/contacts?status=open')).length;
    const before = await open();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Search' })
      .click();
    await page
      .getByRole('searchbox', { name: 'Search' })
      .pressSequentially('dsl rain', { delay: 25 });
    await page.getByRole('list', { name: 'Results' }).locator(':scope > li').first().waitFor();
    await page.waitForURL((u) => u.searchParams.get('q') === 'dsl rain');
    await page.waitForTimeout(300);
    expect(await open()).toBe(before);
    await page.getByRole('region', { name: 'Contact' }).getByText('No open contact').waitFor();

    await page.getByRole('button', { name: /New contact/ }).click();
    await page
      .getByRole('dialog', { name: 'New contact' })
      .getByRole('button', { name: 'Start contact' })
      .click();
    await page
      .getByRole('region', { name: 'Contact' })
      .getByText(/^Contact #\d+$/)
      .waitFor();
    expect(await open()).toBe(before + 1);
  });
});
