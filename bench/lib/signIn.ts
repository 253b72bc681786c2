/**
 * Signs in like the browser does: CSRF token, then POST /api/auth/login with it. Returns the
 * session cookie to send with later requests.
 */
export async function signIn(
  base: string,
  user: { email: string; password: string },
): Promise<string> {
  const cookiesOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const token = ((await csrf.json()) as { data: { token: string } }).data.token;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: cookiesOf(csrf) },
    body: JSON.stringify(user),
  });
  if (login.status !== 200)
    throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  return cookiesOf(login);
}
