// The walkthrough's smaller points: the ? overlay, the dark scheme, toasts off the reading pane,
// the contact bar's search counter, the agent's other open contacts, and a weak match.
import type { Page } from 'playwright-core';
import { AXE_CONTEXT, axeProblems } from '../helpers/axe';
import { useBrowserSuite } from '../helpers/server';

const AGENT = 'agent@firstcall.example';
/** A demo agent of their own, so the other tests' contacts are not in the list. */
const SAM = 'sam@firstcall.example';

describe('console extras', () => {
  const suite = useBrowserSuite();

  const searchBox = (p: Page) => p.getByRole('searchbox', { name: 'Search' });
  const results = (p: Page) => p.getByRole('list', { name: 'Results' }).locator(':scope > li');
  const contactBar = (p: Page) => p.getByRole('region', { name: 'Contact' });

  async function search(p: Page, q: string) {
    await searchBox(p).pressSequentially(q, { delay: 20 });
    await results(p).first().waitFor();
    await p.waitForURL((u) => u.searchParams.get('q') === q);
  }

  it('? opens the shortcut overlay from the list and from an empty box, and types in a word', async () => {
    const page = await suite.signIn(AGENT, AXE_CONTEXT);
    await searchBox(page).waitFor();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await page.keyboard.press('?');
    await help.waitFor();
    await help.getByText('Solved', { exact: true }).waitFor(); // from the console's action table
    expect(await axeProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    // focus is back in the box, and ? inside a word is a character
    await search(page, 'router');
    await page.keyboard.press('?');
    expect(await searchBox(page).inputValue()).toBe('router?');
    expect(await help.isVisible()).toBe(false);
    // from the result list it opens again
    await page.keyboard.press('Backspace');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('?');
    await help.waitFor();
    await help.getByRole('button', { name: 'Close' }).click();
    await help.waitFor({ state: 'hidden' });
    expect(await searchBox(page).inputValue()).toBe('router');
  });

  it('follows a dark colour scheme, and stays accessible in it', async () => {
    const page = await suite.signIn(AGENT, { ...AXE_CONTEXT, colorScheme: 'dark' });
    await search(page, 'router blinking');
    const background = await page.evaluate<string>(
      'getComputedStyle(document.documentElement).backgroundColor',
    );
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(3 * 60); // dark, not the light scheme's #f5f6f8
    expect(await axeProblems(page)).toEqual([]);
    const manager = await suite.signIn('manager@firstcall.example', {
      ...AXE_CONTEXT,
      colorScheme: 'dark',
    });
    await manager.goto(`${suite.url}/dashboard`); // signIn lands everyone on the console
    await manager.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await manager.locator('canvas').first().waitFor();
    expect(await axeProblems(manager)).toEqual([]);
  }, 60_000);

  it('shows the contact’s search count right after the results, and toasts off the reading pane', async () => {
    const page = await suite.signIn(AGENT);
    await searchBox(page).waitFor();
    await page.keyboard.press('n');
    await page
      .getByRole('dialog', { name: 'New contact' })
      .getByRole('button', { name: 'Start contact' })
      .click();
    await contactBar(page)
      .getByText(/^Contact #\d+$/)
      .waitFor();
    await search(page, 'router blinking orange');
    // well under the old one-second refresh
    await contactBar(page).getByText('1 search', { exact: true }).waitFor({ timeout: 700 });

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('c'); // copy steps: a toast
    const toast = page.locator('.toast');
    await toast.waitFor();
    const pane = page.getByRole('region', { name: 'Reading pane' });
    await pane.getByRole('heading', { name: 'Resolution' }).waitFor();
    const t = (await toast.boundingBox())!;
    const p = (await pane.boundingBox())!;
    const overlaps =
      t.x < p.x + p.width && t.x + t.width > p.x && t.y < p.y + p.height && t.y + t.height > p.y;
    expect(overlaps).toBe(false);
  });

  it('lists the agent’s other open contacts: resume one, close another as a follow-up', async () => {
    const api = await suite.api(SAM);
    const a = await api.send<{ id: number }>('POST', '/api/contacts', {
      channel: 'chat',
      customerRef: 'ACC-1',
    });
    const b = await api.send<{ id: number }>('POST', '/api/contacts', { channel: 'email' });
    const page = await suite.signIn(SAM, AXE_CONTEXT);
    await searchBox(page).waitFor();
    const current = Number(
      (
        await contactBar(page)
          .getByText(/^Contact #\d+$/)
          .innerText()
      ).replace(/\D/g, ''),
    );
    const other = current === b.id ? a.id : b.id;
    const list = page.locator('.open-contacts');
    await list.getByText(/other open contact/).click();
    expect(await axeProblems(page)).toEqual([]);
    await list.getByRole('button', { name: `Resume #${other}` }).click();
    await contactBar(page).getByText(`Contact #${other}`, { exact: true }).waitFor();
    // the one left behind is listed now (the list stays open), and closing it takes it off
    await list.getByRole('button', { name: `Close #${current} as follow-up` }).click();
    await list.waitFor({ state: 'detached' });
    const closed = await api.get<{ outcome: string | null; closedAt: string | null }>(
      `/api/contacts/${current}`,
    );
    expect(closed.outcome).toBe('follow_up');
    expect(closed.closedAt).not.toBeNull();
  });
  it('a weak match looks weak: said above the results, nothing opened until the agent picks', async () => {
    const page = await suite.signIn(AGENT, AXE_CONTEXT);
    await search(page, 'paramount+ subscription refund for a satellite dish');
    await page.locator('.result-weak').getByText('No close match.').waitFor();
    const pane = page.getByRole('region', { name: 'Reading pane' });
    await pane.getByText(/^No close match: pick a result/).waitFor();
    expect(await pane.getByRole('heading', { name: 'Resolution' }).count()).toBe(0);
    // the why line names the words that matched
    expect(await results(page).first().innerText()).toMatch(/Matched: /);
    expect(await axeProblems(page)).toEqual([]);
    // ↓ moves onto result 1: now it is selected and read
    expect(await results(page).first().getAttribute('aria-current')).toBeNull();
    await page.keyboard.press('ArrowDown');
    await pane.getByRole('heading', { name: 'Resolution' }).waitFor();
    expect(await results(page).first().getAttribute('aria-current')).toBe('true');
  });
});
