// Two-step sign-in in the browser: an admin must enrol first (MFA_REQUIRED), then signs in
// with a code from the app.
import { generate } from 'otplib';
import { AXE_CONTEXT, axeProblems } from '../helpers/axe';
import { submitLogin, useBrowserSuite } from '../helpers/server';

describe('two-step sign-in', () => {
  const suite = useBrowserSuite({ env: { MFA_REQUIRED: 'true' } });

  it('an admin enrols with the app, keeps the recovery codes, then signs in with a code', async () => {
    const page = await (await suite.newContext(AXE_CONTEXT)).newPage();
    await page.goto(`${suite.url}/login`);
    await submitLogin(page, 'admin@firstcall.example');
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await page.getByText('Your role needs two-step sign-in').waitFor();
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    const secret = await page.locator('.mfa-secret').innerText();
    await page.getByLabel('2. The 6-digit code the app shows').fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('alert').getByText('That code is not right').waitFor();
    await page.getByLabel('2. The 6-digit code the app shows').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    await submitLogin(page, 'admin@firstcall.example');
    const code = page.getByLabel('Code');
    await code.waitFor();
    expect(await axeProblems(page)).toEqual([]);
    // the enrolment's code was used: the next 30-second step's code signs in
    await code.fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
  });
});
