// Admin → Departments: add, rename, archive; an archived department is no escalation target.
import { AXE_CONTEXT, axeProblems } from '../helpers/axe';
import { useBrowserSuite } from '../helpers/server';

describe('departments administered in the browser', () => {
  const suite = useBrowserSuite();

  it('an admin adds, renames and archives a department; agents can no longer escalate to it', async () => {
    const page = await suite.signIn('admin@firstcall.example', AXE_CONTEXT);
    await page.goto(`${suite.url}/admin`);
    await page.getByRole('link', { name: 'Departments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Departments' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    // a bad slug is refused at its field
    const form = page.getByRole('form', { name: 'Add a department' });
    await form.getByLabel('Slug').fill('Not A Slug');
    await form.getByLabel('Name').fill('Field Service');
    await form.getByRole('button', { name: 'Add department' }).click();
    await form.locator('.field-error').waitFor();
    expect(await form.getByLabel('Slug').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Slug').fill('field-service');
    await form.getByRole('button', { name: 'Add department' }).click();
    await page.getByRole('status').getByText('Field Service added.').waitFor();
    const name = page.getByLabel('Name of field-service');
    await name.fill('Field Services');
    await page
      .getByRole('row', { name: /field-service/ })
      .getByRole('button', { name: 'Rename' })
      .click();
    await page.getByRole('status').getByText('Renamed to Field Services.').waitFor();
    await page.getByRole('button', { name: 'Archive Field Services' }).click();
    await page.getByRole('button', { name: 'Unarchive Field Services' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    const admin = await suite.api('admin@firstcall.example');
    const list =
      await admin.get<{ slug: string; name: string; archived: boolean }[]>('/api/departments');
    expect(list.find((d) => d.slug === 'field-service')).toMatchObject({
      name: 'Field Services',
      archived: true,
    });

    // the agent's escalation dialog offers active departments only
    const agent = await suite.signIn('agent@firstcall.example');
    await agent
      .getByRole('searchbox', { name: 'Search' })
      .pressSequentially('router', { delay: 20 });
    await agent.getByRole('list', { name: 'Results' }).locator(':scope > li').first().waitFor();
    await agent.getByRole('button', { name: 'Escalate' }).click();
    const options = await agent
      .getByRole('dialog', { name: 'Escalate contact' })
      .getByLabel('Department')
      .locator('option')
      .allInnerTexts();
    expect(options).toContain('Billing');
    expect(options).not.toContain('Field Services');
  });
});
