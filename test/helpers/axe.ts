// axe-core in the browser tests: injected into the page as it is, serious and critical
// violations read back in a form a failing test can show.
import type { BrowserContextOptions, Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AXE_SOURCE: string = require('axe-core').source;

/**
 * What a browser context needs for axeProblems: axe is injected as an inline script, which the
 * app's CSP (script-src 'self') would block.
 */
export const AXE_CONTEXT: BrowserContextOptions = { bypassCSP: true };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Serious and critical violations on the page as it is now, in a readable form. */
export async function axeProblems(page: Page): Promise<string[]> {
  // page code as strings: this Node project has no DOM types
  if (!(await page.evaluate<boolean>("'axe' in window"))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  const violations = await page.evaluate<unknown[]>(
    'axe.run(document).then((result) => result.violations)',
  );
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(', ')}`,
    );
}
