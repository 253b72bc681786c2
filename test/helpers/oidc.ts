import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A real oidc-provider on 127.0.0.1 (test/helpers/oidcProvider.mjs), started by the test. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  setAccount(sub: string, claims: Record<string, unknown>): Promise<void>;
  /** the next ID tokens carry these forgeries (an empty object for honest ones) */
  forgeIdToken(forge: { audience?: string; expired?: boolean; nonce?: string }): Promise<void>;
  /**
   * Plays the person at the provider: follows the authorization redirect, signs in as `sub`
   * on its login form, and returns where the provider sends the browser back (our callback).
   */
  signIn(authorizationUrl: string, sub: string): Promise<URL>;
  stop(): Promise<void>;
}

export async function startProvider(
  redirectUri: string,
  postLogoutUri: string,
): Promise<TestProvider> {
  const clientId = 'firstcall';
  const clientSecret = 'oidc-test-client-secret-0123456789';
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'oidcProvider.mjs')], {
    env: {
      ...process.env,
      REDIRECT_URI: redirectUri,
      POST_LOGOUT_URI: postLogoutUri,
      CLIENT_ID: clientId,
      CLIENT_SECRET: clientSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors += String(d)));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provider did not start: ${errors}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      const m = /ready (\S+)/.exec(String(d));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`provider exited ${code}: ${errors}`)));
  });

  const knob = async (name: string, body: unknown) => {
    const res = await fetch(`${issuer}/__test/${name}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    if (res.status !== 204) throw new Error(`knob ${name}: ${res.status}`);
  };

  async function signIn(authorizationUrl: string, sub: string): Promise<URL> {
    const jar = new Map<string, string>();
    const keep = (res: Response) => {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, v] = pair!.split('=');
        jar.set(k!, v ?? '');
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const go = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: { ...init.headers, cookie: cookie() },
      });
      keep(res);
      return res;
    };
    let res = await go(authorizationUrl);
    for (let hop = 0; hop < 10; hop++) {
      const location = res.headers.get('location');
      if (res.status === 200) {
        // the provider's sign-in form: any password, the login is the subject
        const html = await res.text();
        const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
        if (!action || !html.includes('name="login"'))
          throw new Error(`unexpected page: ${html.slice(0, 300)}`);
        res = await go(new URL(action, issuer).href, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            prompt: 'login',
            login: sub,
            password: 'anything',
          }).toString(),
        });
        continue;
      }
      if (!location) throw new Error(`provider answered ${res.status}: ${await res.text()}`);
      const next = new URL(location, issuer);
      if (next.origin !== issuer) return next; // back to us
      res = await go(next.href);
    }
    throw new Error('too many redirects at the provider');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (sub, claims) => knob('account', { sub, claims }),
    forgeIdToken: (forge) => knob('idToken', forge),
    signIn,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
