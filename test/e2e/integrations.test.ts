// The integrations page in a real browser: an admin creates an API token (its secret shown
// once), sees it used, revokes it; registers a webhook (its signing secret shown once) and
// opens its deliveries. Checked through the API and with axe.
import { AXE_CONTEXT, axeProblems } from '../helpers/axe';
import { useBrowserSuite } from '../helpers/server';

jest.setTimeout(60_000);

describe('integrations page', () => {
  const suite = useBrowserSuite({ env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });

  it('an admin creates, sees used and revokes a token; registers a webhook', async () => {
    const page = await suite.signIn('admin@firstcall.example', AXE_CONTEXT);
    await page.goto(`${suite.url}/admin/integrations`);
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByLabel('Name').fill('PBX');
    await page.getByRole('checkbox', { name: /contacts:write/ }).check();
    await page.getByRole('checkbox', { name: /search:read/ }).check();
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('Secret of PBX').inputValue();
    expect(secret).toMatch(/^fc_[A-Za-z0-9_-]{43}$/);
    const row = page.getByRole('row', { name: /PBX/ });
    await row.getByText('contacts:write, search:read').waitFor();
    expect(await axeProblems(page)).toEqual([]);

    // the phone system uses it
    const used = await fetch(`${suite.url}/api/search?q=router`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(used.status).toBe(200);
    await page.reload();
    await page.getByRole('row', { name: /PBX/ }).getByRole('cell', { name: 'active' }).waitFor();
    expect(await page.getByRole('row', { name: /PBX/ }).textContent()).not.toContain('Never');

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Revoke PBX' }).click();
    await page.getByRole('row', { name: /PBX/ }).getByRole('cell', { name: 'revoked' }).waitFor();
    const refused = await fetch(`${suite.url}/api/search?q=router`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(refused.status).toBe(401);

    // a webhook
    await page.getByLabel('Address').fill('http://127.0.0.1:9/hooks/firstcall');
    await page.getByRole('checkbox', { name: /contact\.closed/ }).check();
    await page.getByRole('button', { name: 'Register webhook' }).click();
    const signing = await page
      .getByLabel('Signing secret for http://127.0.0.1:9/hooks/firstcall')
      .inputValue();
    expect(signing).toMatch(/^whsec_/);
    await page.getByRole('heading', { name: 'http://127.0.0.1:9/hooks/firstcall' }).waitFor();
    await page.getByRole('button', { name: 'Deliveries' }).click();
    await page.getByText('Nothing delivered yet.').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    // a refused address says why, next to the field
    await page.getByLabel('Address').fill('http://169.254.169.254/latest');
    await page.getByRole('checkbox', { name: /article\.flagged/ }).check();
    await page.getByRole('button', { name: 'Register webhook' }).click();
    await page.getByText(/169\.254\.169\.254 is a link-local address/).waitFor();

    const admin = await suite.api('admin@firstcall.example');
    const hooks = await admin.get<{ url: string; events: string[] }[]>('/api/webhooks');
    expect(hooks).toEqual([
      expect.objectContaining({
        url: 'http://127.0.0.1:9/hooks/firstcall',
        events: ['contact.closed'],
      }),
    ]);
  });

  it('the API reference renders under the CSP, from assets installed from npm', async () => {
    const context = await suite.newContext();
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') refused.push(m.text());
    });
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(suite.url) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await page.goto(`${suite.url}/api/docs`);
    await page.locator('.swagger-ui .info .title', { hasText: 'Firstcall API' }).waitFor();
    await page.getByText('/api/contacts/stream').first().waitFor();
    expect(refused).toEqual([]);
    expect(outside).toEqual([]);
  });
});
