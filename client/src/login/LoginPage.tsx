import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage, prefetchCsrf } from '../api';
import type { User } from '../../../server/contract/types';

interface Props {
  onLogin: (user: User) => void;
}

export function LoginPage({ onLogin }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Sign in · Firstcall';
    emailRef.current?.focus();
    prefetchCsrf();
  }, []);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onLogin(await api.login(email.trim(), password));
    } catch (err) {
      // The server's wording covers both wrong credentials and rate limiting (429).
      setError(errorMessage(err));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <main class="login" id="main">
      <form class="login-card" onSubmit={submit}>
        <h1>
          <span class="brand">Firstcall</span>
          <span class="login-sub">Sign in</span>
        </h1>
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
        <div class="login-error" role="alert">
          {error}
        </div>
        <button type="submit" class="button button-primary button-block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
