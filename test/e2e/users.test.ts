// Admin → Users, the invitation link, Account (password, sessions), and leavers cut off at once.
import { AXE_CONTEXT, axeProblems } from '../helpers/axe';
import { submitLogin, useBrowserSuite } from '../helpers/server';

jest.setTimeout(90_000);

const PASSWORD = 'a long walk to the harbour';

describe('people administered in the browser', () => {
  const suite = useBrowserSuite();

  it('an admin adds a person; they set a password from the link and sign in; disabled, their console is signed out at its next request', async () => {
    const admin = await suite.signIn('admin@firstcall.example', AXE_CONTEXT);
    await admin.goto(`${suite.url}/admin`);
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await admin.getByRole('table', { name: 'People' }).waitFor();
    expect(await axeProblems(admin)).toEqual([]);

    // find people by name; filter by role
    await admin.getByLabel('Name or email').fill('noor');
    await admin.getByRole('status').getByText('1–1 of 1 people').waitFor();
    await admin.getByLabel('Name or email').fill('');
    await admin.getByLabel('Role', { exact: true }).first().selectOption('admin');
    await admin.getByRole('button', { name: 'Open Ada Admin' }).waitFor();
    await admin.getByLabel('Role', { exact: true }).first().selectOption('');

    const form = admin.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Email').fill('robin@firstcall.example');
    await form.getByLabel('Name').fill('Robin Newcomer');
    await form.getByLabel('Role').selectOption('agent');
    await form.getByLabel('Department').selectOption('frontline');
    await form.getByRole('button', { name: 'Add and get the link' }).click();
    const link = form.getByLabel('Invitation link for Robin Newcomer');
    await link.waitFor();
    const inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(/\/set-password\?token=[\w-]{43}$/);
    expect(await axeProblems(admin)).toEqual([]);

    // the person opens it in their own browser
    const robin = await (await suite.newContext(AXE_CONTEXT)).newPage();
    await robin.goto(inviteUrl);
    await robin.getByText('Welcome, Robin Newcomer.').waitFor();
    expect(await axeProblems(robin)).toEqual([]);
    await robin.getByLabel('New password', { exact: true }).fill('my friend newcomer');
    await robin.getByLabel('New password again').fill('my friend newcomer');
    await robin.getByRole('button', { name: 'Set password and sign in' }).click();
    await robin.locator('.field-error').getByText('A password cannot contain your name.').waitFor();
    await robin.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await robin.getByLabel('New password again').fill(PASSWORD);
    await robin.getByRole('button', { name: 'Set password and sign in' }).click();
    // an agent lands on the console, signed in
    const box = robin.getByRole('searchbox', { name: 'Search' });
    await box.waitFor();
    await box.pressSequentially('router', { delay: 20 });
    await robin.getByRole('list', { name: 'Results' }).locator(':scope > li').first().waitFor();

    // the link worked once
    const again = await (await suite.newContext()).newPage();
    await again.goto(inviteUrl);
    await again
      .getByRole('alert')
      .getByText(/expired or was already used/)
      .waitFor();

    // the admin disables Robin: the open console is signed out at its next request
    await admin.reload();
    await admin.getByRole('button', { name: 'Open Robin Newcomer' }).click();
    const panel = admin.getByRole('region', { name: 'Robin Newcomer' });
    await panel.getByRole('table', { name: 'Sessions of Robin Newcomer' }).waitFor();
    expect(await axeProblems(admin)).toEqual([]);
    await panel.getByRole('button', { name: 'Disable Robin Newcomer' }).click();
    await panel.getByText('Robin Newcomer is disabled and signed out everywhere.').waitFor();
    await box.fill('');
    await box.pressSequentially('wifi', { delay: 20 });
    await robin.getByRole('dialog', { name: 'Your session ended' }).waitFor({ timeout: 15_000 });

    // and cannot sign in again
    const later = await (await suite.newContext()).newPage();
    await later.goto(`${suite.url}/login`);
    await submitLogin(later, 'robin@firstcall.example', PASSWORD);
    await later.getByRole('alert').getByText('Email or password is incorrect.').waitFor();

    // a role change applies at once: enabled again as an engineer, Robin gets the queue
    await panel.getByRole('button', { name: 'Enable Robin Newcomer' }).click();
    await panel.getByLabel('Role').selectOption('engineer');
    await panel.getByLabel('Department').selectOption('network');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.getByText('Saved: Robin Newcomer is Engineer in Network Engineering.').waitFor();
    await submitLogin(later, 'robin@firstcall.example', PASSWORD);
    await later.getByRole('heading', { level: 1, name: /Network Engineering/ }).waitFor();
  });

  it('Account: change your password (other sessions end) and sign out other sessions', async () => {
    const desk = await suite.signIn('engineer@firstcall.example', AXE_CONTEXT);
    const phone = await suite.signIn('engineer@firstcall.example');
    await desk.goto(`${suite.url}/account`);
    const sessions = desk.getByRole('table', { name: 'Your sessions' });
    await sessions.waitFor();
    expect(await sessions.locator('tbody tr').count()).toBe(2);
    await sessions.getByText('this session').waitFor();
    expect(await axeProblems(desk)).toEqual([]);

    const form = desk.getByRole('form', { name: 'Password' });
    await form.getByLabel('Current password').fill('not my password at all');
    await form.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await form.getByLabel('New password again').fill(PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Your current password is not right.').waitFor();
    expect(await form.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Current password').fill('firstcall-demo');
    await form.getByLabel('New password', { exact: true }).fill('qwerty123456');
    await form.getByLabel('New password again').fill('qwerty123456');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText(/10,000 most common/).waitFor();

    await form.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await form.getByLabel('New password again').fill(PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Password changed. Your other sessions are signed out.').waitFor();
    await desk.getByRole('table', { name: 'Your sessions' }).locator('tbody tr').first().waitFor();
    expect(
      await desk.getByRole('table', { name: 'Your sessions' }).locator('tbody tr').count(),
    ).toBe(1);

    // the phone's next request finds its session gone
    await phone.getByRole('searchbox', { name: 'Search' }).pressSequentially('dsl', { delay: 20 });
    await phone.getByRole('dialog', { name: 'Your session ended' }).waitFor({ timeout: 15_000 });

    // this session goes on, and "sign out other sessions" ends a new one elsewhere
    const laptop = await (await suite.newContext()).newPage();
    await laptop.goto(`${suite.url}/login?next=%2F`);
    await submitLogin(laptop, 'engineer@firstcall.example', PASSWORD);
    await laptop.getByRole('searchbox', { name: 'Search' }).waitFor();
    await desk.reload();
    await desk.getByRole('table', { name: 'Your sessions' }).waitFor();
    await desk.getByRole('button', { name: 'Sign out other sessions' }).click();
    await desk.getByRole('status').getByText('1 other session signed out.').waitFor();
    await laptop.getByRole('searchbox', { name: 'Search' }).pressSequentially('dsl', { delay: 20 });
    await laptop.getByRole('dialog', { name: 'Your session ended' }).waitFor({ timeout: 15_000 });
  });

  it('the no-access page says why, in words one can act on', async () => {
    const page = await (await suite.newContext(AXE_CONTEXT)).newPage();
    await page.goto(`${suite.url}/no-access?reason=no_access`);
    await page.getByRole('heading', { name: /No access to Firstcall/ }).waitFor();
    await page
      .getByRole('alert')
      .getByText(/none of the groups/)
      .waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('link', { name: 'Back to sign-in' }).click();
    await page.getByLabel('Email').waitFor();
  });
});
