import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import type { Me, User } from '../../../server/contract/types';
import { serverBack } from '../reachability';
import { Dialog } from '../ui/Dialog';

interface Props {
  /** Who was signed in: the email is filled in. */
  user: User;
  onSignedIn: (me: Me) => void;
  /** Give up: the sign-in page (what is kept in the browser stays for later). */
  onSignOut: () => void;
}

/**
 * The session ended mid-work (a 401): sign in again in place, so the page underneath (the query,
 * the reading pane, a form) stays as it was and what waits in the outbox is sent afterwards.
 */
export function SessionDialog({ user, onSignedIn, onSignOut }: Props) {
  const [email, setEmail] = useState(user.email);
  const [password, setPassword] = useState('');
  /** two-step sign-in: the password was right, a code follows */
  const [code, setCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      if (code === null) {
        const result = await api.login(email.trim(), password);
        setPassword('');
        if ('mfaRequired' in result) {
          setCode('');
          setBusy(false);
          return;
        }
        onSignedIn(result);
      } else {
        onSignedIn(await api.verifyMfa(code.trim()));
      }
      serverBack(); // waiting actions and a failed search go now
    } catch (err) {
      setError(errorMessage(err));
      setPassword('');
      if (code !== null) setCode(/timed out/.test(errorMessage(err)) ? null : '');
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Your session ended"
      subtitle="Sign in to continue."
      submitLabel="Sign in"
      cancelLabel="Sign-in page"
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={onSignOut}
    >
      {code === null ? (
        <>
          <div class="field">
            <label for="session-email">Email</label>
            <input
              id="session-email"
              type="email"
              name="email"
              autocomplete="username"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="session-password">Password</label>
            <input
              id="session-password"
              type="password"
              name="password"
              autocomplete="current-password"
              autofocus
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
        </>
      ) : (
        <div class="field">
          <label for="session-code">Code</label>
          <p class="field-hint" id="session-code-hint">
            The 6-digit code from your authenticator app, or one of your recovery codes.
          </p>
          <input
            id="session-code"
            name="code"
            autocomplete="one-time-code"
            autofocus
            required
            maxLength={32}
            aria-describedby="session-code-hint"
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </div>
      )}
    </Dialog>
  );
}
