import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/server';

/**
 * Cumulative layout shift as Lighthouse counts it (layout-shift entries without recent input,
 * summed per session window of ≤ 5 s with gaps < 1 s; the largest window), observed from the
 * first paint on.
 */
const CLS_OBSERVER = `
  window.__cls = 0;
  let windowSum = 0, windowStart = 0, last = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      if (e.startTime - last > 1000 || e.startTime - windowStart > 5000) {
        windowSum = 0;
        windowStart = e.startTime;
      }
      windowSum += e.value;
      last = e.startTime;
      window.__cls = Math.max(window.__cls, windowSum);
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

const settledCls = async (page: Page) => {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  return page.evaluate<number>('window.__cls');
};

describe('pages', () => {
  const suite = useBrowserSuite();

  it('the sign-in page does not shift while it loads', async () => {
    const context = await suite.newContext();
    await context.addInitScript(CLS_OBSERVER);
    const page = await context.newPage();
    await page.goto(`${suite.url}/login`);
    await page.getByLabel('Email').waitFor();
    expect(await settledCls(page)).toBeLessThanOrEqual(0.05);
  });

  it('the console does not shift while it loads, nor when results arrive', async () => {
    const page = await suite.signIn('agent@firstcall.example');
    await page.context().addInitScript(CLS_OBSERVER);
    await page.goto(`${suite.url}/?q=router%20blinking%20orange`);
    await page.getByRole('searchbox', { name: 'Search' }).waitFor();
    await page.locator('.result').first().waitFor();
    expect(await settledCls(page)).toBeLessThanOrEqual(0.05);
  });

  it("brings the dashboard's stylesheet with the dashboard", async () => {
    const page = await suite.signIn('manager@firstcall.example');
    expect(await page.locator('#dashboard-css').count()).toBe(0);
    await page.goto(`${suite.url}/dashboard`);
    await page.locator('#dashboard-css').waitFor({ state: 'attached' });
  });
});
