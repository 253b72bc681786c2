// At phone width (390×844): no page is wider than the screen (wide tables scroll inside their
// own box), and an agent opening a result lands on the article page with the outcome bar,
// solves the contact from there with S, and can take it back with Undo.
import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/server';

jest.setTimeout(90_000);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/**
 * How far the page is wider than the screen, and the first elements that stick out (those
 * inside a box that scrolls sideways are in their box, not out of the page).
 */
const OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth;
  // inside a box that scrolls or clips sideways and itself fits the screen
  const scrolls = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x !== 'visible' && p.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  // (a positioned element escapes a box that is not positioned: the page width tells)
  const out = [...document.body.querySelectorAll('*')]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrolls(el))
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''));
  return { extra: document.documentElement.scrollWidth - width, out };
})()`;

async function fitsTheScreen(page: Page, what: string): Promise<void> {
  const { extra, out } = await page.evaluate<{ extra: number; out: string[] }>(OVERFLOW);
  expect({ what, extra, out }).toEqual({ what, extra: 0, out: [] });
}

describe('phone width', () => {
  const suite = useBrowserSuite();

  it.each([
    [
      'agent@firstcall.example',
      [
        '/',
        '/?q=router%20blinking%20orange',
        '/articles/router-orange-led-after-firmware-update',
        '/account',
      ],
    ],
    [
      'engineer@firstcall.example',
      [
        '/queue/network',
        '/queue/network?tab=flags',
        '/articles/new',
        '/articles/router-orange-led-after-firmware-update/edit',
        '/articles/router-orange-led-after-firmware-update/history',
        '/impact',
      ],
    ],
    ['manager@firstcall.example', ['/dashboard']],
    [
      'admin@firstcall.example',
      ['/admin', '/admin/audit', '/admin/settings', '/admin/departments'],
    ],
  ])('no page of %s is wider than the screen', async (email, paths) => {
    const page = await suite.signIn(email, PHONE);
    for (const path of paths) {
      await page.goto(`${suite.url}${path}`);
      await page.locator('main h1, main [role="searchbox"]').first().waitFor();
      await page.waitForLoadState('networkidle');
      await fitsTheScreen(page, path);
    }
  });

  it('the sign-in page fits the screen', async () => {
    const page = await (await suite.newContext(PHONE)).newPage();
    await page.goto(`${suite.url}/login`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await fitsTheScreen(page, '/login');
  });

  it('the cross-silo matrix scrolls inside its own box', async () => {
    const page = await suite.signIn('manager@firstcall.example', PHONE);
    await page.goto(`${suite.url}/dashboard`);
    const box = page.locator('.dashboard-heatmap-wrap');
    await box.locator('table').waitFor();
    const sizes = await page.evaluate<{ scroll: number; client: number; overflowX: string }>(
      `(() => {
        const el = document.querySelector('.dashboard-heatmap-wrap');
        return { scroll: el.scrollWidth, client: el.clientWidth, overflowX: getComputedStyle(el).overflowX };
      })()`,
    );
    expect(sizes.overflowX).toBe('auto');
    expect(sizes.scroll).toBeGreaterThan(sizes.client); // the matrix is wider than a phone
    expect(sizes.client).toBeLessThanOrEqual(390);
    await fitsTheScreen(page, 'dashboard');
  });

  it('an agent solves the contact from the article page, and can undo it', async () => {
    const page = await suite.signIn('agent@firstcall.example', PHONE);
    const api = await suite.api('agent@firstcall.example');
    await page.getByRole('searchbox', { name: 'Search' }).fill('router blinking orange');
    const first = page.getByRole('list', { name: 'Results' }).locator(':scope > li').first();
    await first.waitFor();
    const title = await first.getByRole('heading').innerText();
    await first.getByRole('link').first().click();
    await page.waitForURL(/\/articles\//);
    const bar = page.getByRole('group', { name: 'Contact outcome' });
    await bar.waitFor();
    await fitsTheScreen(page, 'article with outcome bar');
    expect(
      await bar
        .getByRole('button', { name: /Solved/ })
        .first()
        .isEnabled(),
    ).toBe(true);
    const contactLine = await page.locator('.article-outcomes-contact').innerText();
    const contactId = Number(/#(\d+)/.exec(contactLine)![1]);

    await page.keyboard.press('s');
    await page.getByRole('status').getByText(`Solved with ${title}`).waitFor();
    await bar.waitFor({ state: 'detached' });
    type ContactJson = {
      closedAt: string | null;
      outcome: string | null;
      article: { title: string } | null;
    };
    const solved = await api.get<ContactJson>(`/api/contacts/${contactId}`);
    expect(solved).toMatchObject({ outcome: 'solved', article: { title } });

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(`Undone: contact #${contactId} is open again`).waitFor();
    await bar.waitFor();
    const reopened = await api.get<ContactJson>(`/api/contacts/${contactId}`);
    expect(reopened).toMatchObject({ closedAt: null, outcome: null });
  });
});
