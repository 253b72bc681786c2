// "An outcome is never wrong, lost or doubled": Undo on the outcome toast, the outbox that keeps
// an outcome pressed while the server can't be reached, and signing in again in place when the
// session ends. Every outcome is checked through the API, not only on screen.
import type { Page } from 'playwright-core';
import { AXE_CONTEXT, axeProblems } from '../helpers/axe';
import { signIn, useBrowserSuite } from '../helpers/server';
import { DEMO_PASSWORD } from '../../server/content/seed';

jest.setTimeout(60_000);

interface ContactJson {
  id: number;
  closedAt: string | null;
  outcome: string | null;
  article: { slug: string } | null;
  tried: { id: number; slug: string }[];
}

describe('outcomes: undo, offline outbox, session expiry', () => {
  const suite = useBrowserSuite({ context: AXE_CONTEXT });
  let page: Page;

  beforeEach(async () => {
    page = await (await suite.newContext()).newPage();
    await signIn(page, suite.url, 'agent@firstcall.example');
  });

  const searchBox = () => page.getByRole('searchbox', { name: 'Search' });
  const results = () => page.getByRole('list', { name: 'Results' }).locator(':scope > li');
  const toast = () => page.getByRole('status').filter({ has: page.locator('.toast') });
  const contactBar = () => page.getByRole('region', { name: 'Contact' });
  const waiting = () => page.getByRole('list', { name: 'Waiting to be sent' });
  const pane = () => page.getByRole('region', { name: 'Reading pane' });

  /** GET through the page's own session. */
  async function apiGet<T>(path: string): Promise<T> {
    const res = await page.request.get(`${suite.url}${path}`);
    if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
    return ((await res.json()) as { data: T }).data;
  }

  async function openContactId(): Promise<number> {
    const text = contactBar().getByText(/^Contact #\d+$/);
    await text.waitFor({ timeout: 5000 });
    return Number((await text.innerText()).replace(/\D/g, ''));
  }

  async function typeAndWait(text: string, firstTitle: RegExp) {
    await searchBox().pressSequentially(text, { delay: 25 });
    await results().first().filter({ hasText: firstTitle }).waitFor({ timeout: 5000 });
    await page.waitForURL((u) => u.searchParams.get('q') === text, { timeout: 5000 });
  }

  it('S then U: the contact is open again, with its search and article; the server agrees', async () => {
    await typeAndWait('E-1043', /Router power light blinks orange/);
    const id = await openContactId();
    await searchBox().press('ArrowDown');
    await page.keyboard.press('Enter'); // into the reading pane
    await pane().getByRole('heading', { name: 'Resolution' }).waitFor();

    await page.keyboard.press('s');
    const solved = toast().filter({ hasText: /^Solved with Router power light/ });
    await solved.waitFor({ timeout: 5000 });
    await solved.getByRole('button', { name: /Undo/ }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    expect((await apiGet<ContactJson>(`/api/contacts/${id}`)).outcome).toBe('solved');

    await page.keyboard.press('u'); // focus is in the (empty) search box after S
    await toast()
      .filter({ hasText: `Undone: contact #${id} is open again` })
      .waitFor({ timeout: 5000 });
    expect(await openContactId()).toBe(id);
    expect(await searchBox().inputValue()).toBe('E-1043');
    await pane()
      .getByRole('heading', { name: /Router power light/ })
      .waitFor();
    const contact = await apiGet<ContactJson>(`/api/contacts/${id}`);
    expect(contact).toMatchObject({ closedAt: null, outcome: null });
  });

  it('an outcome pressed while the server is unreachable is kept through a reload and sent once', async () => {
    await typeAndWait('E-1043', /Router power light blinks orange/);
    const id = await openContactId();
    const reached: string[] = [];
    await page.route('**/api/contacts/*/close', (route) => route.abort('internetdisconnected'));
    page.on('requestfinished', (r) => {
      if (r.url().endsWith(`/api/contacts/${id}/close`)) reached.push(r.method());
    });

    await searchBox().press('ArrowDown');
    await page.keyboard.press('s');
    await toast().filter({ hasText: 'saved here, sending…' }).waitFor({ timeout: 5000 });
    await waiting().getByText(`Contact #${id}: Solved, saved here, sending…`).waitFor();

    await page.reload();
    await waiting().getByText(`Contact #${id}: Solved`).waitFor({ timeout: 5000 });
    // the contact kept here as closed is not resumed as the open one
    await contactBar().getByText('No open contact').waitFor();
    expect((await apiGet<ContactJson>(`/api/contacts/${id}`)).closedAt).toBeNull();

    await page.unroute('**/api/contacts/*/close');
    await page.evaluate("window.dispatchEvent(new Event('online'))");
    await waiting().waitFor({ state: 'detached', timeout: 15_000 });
    const contact = await apiGet<ContactJson>(`/api/contacts/${id}`);
    expect(contact.outcome).toBe('solved');
    expect(contact.closedAt).not.toBeNull();
    expect(reached).toEqual(['POST']); // exactly one close reached the server
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /refused|Not saved/ })
        .count(),
    ).toBe(0);
  });

  it('the session ends mid-call: sign in again in place; the pending tried mark is sent, the query and pane stay', async () => {
    await typeAndWait('pasword reset link expired', /password/i);
    const id = await openContactId();
    await searchBox().press('ArrowDown');
    // opening the article records it: its answer (which renews the session cookie) must be in
    // before the cookies go, or it would bring the session back
    const recorded = page.waitForResponse((r) => r.url().endsWith(`/api/contacts/${id}/opened`));
    await page.keyboard.press('Enter');
    const heading = pane().getByRole('heading', { level: 2 }).first();
    await pane().getByRole('heading', { name: 'Resolution' }).waitFor();
    await recorded;
    const title = await heading.innerText();
    const url = page.url();

    await page.context().clearCookies(); // the session is gone for this browser
    await page.keyboard.press('t');
    const dialog = page.getByRole('dialog', { name: 'Your session ended' });
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByText('Sign in to continue.').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    expect(await dialog.getByLabel('Email').inputValue()).toBe('agent@firstcall.example');
    await dialog.getByLabel('Password').fill(DEMO_PASSWORD);
    await dialog.getByLabel('Password').press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 5000 });

    await waiting().waitFor({ state: 'detached', timeout: 10_000 });
    const contact = await apiGet<ContactJson>(`/api/contacts/${id}`);
    // (the whole contact in the message: this once failed on a loaded CI machine)
    expect({ tried: contact.tried.length, contact }).toMatchObject({ tried: 1 });
    expect(contact.closedAt).toBeNull();
    expect(page.url()).toBe(url);
    expect(await searchBox().inputValue()).toBe('pasword reset link expired');
    expect(await heading.innerText()).toBe(title);
  });
});
