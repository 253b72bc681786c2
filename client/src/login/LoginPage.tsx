import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage, prefetchCsrf } from '../api';
import type { Me, Providers } from '../../../server/contract/types';

interface Props {
  onLogin: (me: Me) => void;
  /** `code`: the password was already right (a password just set): ask for the second factor */
  startAt?: 'password' | 'code';
  /** where to go after signing in, carried through the company's sign-in too */
  next?: string;
}

/** Email and password; then, for accounts with two-step sign-in, a code from the app. */
export function LoginPage({ onLogin, startAt = 'password', next }: Props) {
  const [providers, setProviders] = useState<Providers | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'code'>(startAt);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Sign in · Firstcall';
    emailRef.current?.focus();
    prefetchCsrf();
    api.providers().then(setProviders, () => setProviders({ password: true, sso: null }));
  }, []);
  useEffect(() => {
    if (step === 'code') codeRef.current?.focus();
  }, [step]);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      if (step === 'password') {
        const result = await api.login(email.trim(), password);
        setPassword('');
        if ('mfaRequired' in result) {
          setStep('code');
          setBusy(false);
          return;
        }
        onLogin(result);
      } else {
        onLogin(await api.verifyMfa(code.trim()));
      }
    } catch (err) {
      // The server's wording covers wrong credentials, wrong codes and rate limiting (429).
      setError(errorMessage(err));
      setPassword('');
      setCode('');
      // a two-step sign-in that timed out starts again with the password
      if (step === 'code' && /timed out/.test(errorMessage(err))) setStep('password');
      setBusy(false);
    }
  }

  const sso = providers?.sso;
  const ssoHref = sso && `${sso.startUrl}?${new URLSearchParams({ next: next ?? '/' })}`;
  // with the company's sign-in only, the page is one button
  if (providers && !providers.password && step === 'password')
    return (
      <main class="login" id="main">
        <div class="login-card">
          <h1>
            <span class="brand">Firstcall</span>
            <span class="login-sub">Sign in</span>
          </h1>
          {ssoHref && (
            <a class="button button-primary button-block" href={ssoHref}>
              Sign in with {sso.name}
            </a>
          )}
        </div>
      </main>
    );

  return (
    <main class="login" id="main">
      <form class="login-card" onSubmit={submit}>
        <h1>
          <span class="brand">Firstcall</span>
          <span class="login-sub">{step === 'password' ? 'Sign in' : 'Two-step sign-in'}</span>
        </h1>
        {step === 'password' && ssoHref && (
          <>
            <a class="button button-primary button-block" href={ssoHref}>
              Sign in with {sso.name}
            </a>
            <p class="login-or">or with your Firstcall password</p>
          </>
        )}
        {step === 'password' ? (
          <>
            <div class="field">
              <label for="login-email">Email</label>
              <input
                ref={emailRef}
                id="login-email"
                type="email"
                name="email"
                autocomplete="username"
                required
                value={email}
                onInput={(e) => setEmail(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="login-password">Password</label>
              <input
                id="login-password"
                type="password"
                name="password"
                autocomplete="current-password"
                required
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            </div>
          </>
        ) : (
          <div class="field">
            <label for="login-code">Code</label>
            <p class="field-hint" id="login-code-hint">
              The 6-digit code from your authenticator app, or one of your recovery codes.
            </p>
            <input
              ref={codeRef}
              id="login-code"
              name="code"
              autocomplete="one-time-code"
              inputMode="text"
              required
              maxLength={32}
              aria-describedby="login-code-hint"
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </div>
        )}
        <div class="login-error" role="alert">
          {error}
        </div>
        <button type="submit" class="button button-primary button-block" disabled={busy}>
          {busy ? 'Signing in…' : step === 'password' ? 'Sign in' : 'Verify'}
        </button>
      </form>
    </main>
  );
}
