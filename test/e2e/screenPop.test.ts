// Screen-pop in a real browser: the phone system opens a contact for the agent with an API
// token; the agent's open console shows it within a second, without a reload, as the current
// contact, with the IVR's reason already searched. A phone system that opens a browser tab
// instead uses /console?contact=…
import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../helpers/server';

jest.setTimeout(60_000);

const AGENT = 'agent@firstcall.example';

describe('screen-pop', () => {
  const suite = useBrowserSuite();
  let token = '';

  /** The phone system, with its token: no cookie, no CSRF. */
  async function ring(externalId: string, reason: string): Promise<{ id: number }> {
    const res = await fetch(`${suite.url}/api/contacts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        agentEmail: AGENT,
        channel: 'phone',
        customerRef: 'ACC-2001',
        reason,
        externalId,
      }),
    });
    if (res.status !== 201) throw new Error(`ring: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { data: { id: number } }).data;
  }

  beforeEach(async () => {
    if (token) return;
    const admin = await suite.api('admin@firstcall.example');
    token = (
      await admin.send<{ token: string }>('POST', '/api/tokens', {
        name: 'PBX',
        scopes: ['contacts:write'],
        expiresInDays: 1,
      })
    ).token;
  });

  const contactBar = (page: Page) => page.getByRole('region', { name: 'Contact' });
  const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' });

  it('an incoming call becomes the console contact within a second, its reason searched', async () => {
    const page = await suite.signIn(AGENT);
    // the console connects its event stream as it loads
    const streaming = page.waitForResponse((r) => r.url().endsWith('/api/contacts/stream'));
    await page.reload();
    await streaming;
    await searchBox(page).waitFor();
    const { id } = await ring('call-e2e-1', 'router blinking orange');
    await contactBar(page).getByText(`Contact #${id}`).waitFor({ timeout: 1000 });
    await expect(searchBox(page).inputValue()).resolves.toBe('router blinking orange');
    await contactBar(page).getByText('“router blinking orange”').waitFor();
    await page.locator('.results li').first().waitFor();
    await expect(
      searchBox(page).evaluate((el) => el === el.ownerDocument.activeElement),
    ).resolves.toBe(true);
    // the search ran inside the popped contact
    const agent = await suite.api(AGENT);
    const contact = await agent.get<{ searches: { query: string }[] }>(`/api/contacts/${id}`);
    expect(contact.searches.map((s) => s.query)).toContain('router blinking orange');
  });

  it('a screen-pop URL opens the contact in a new tab', async () => {
    const { id } = await ring('call-e2e-2', 'no dial tone');
    const page = await suite.signIn(AGENT);
    await page.goto(`${suite.url}/console?contact=${id}`);
    await contactBar(page).getByText(`Contact #${id}`).waitFor();
    await expect(searchBox(page).inputValue()).resolves.toBe('no dial tone');
  });
});
