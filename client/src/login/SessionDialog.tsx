import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import type { User } from '../../../server/contract/types';
import { serverBack } from '../reachability';
import { Dialog } from '../ui/Dialog';

interface Props {
  /** Who was signed in: the email is filled in. */
  user: User;
  onSignedIn: (user: User) => void;
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await api.login(email.trim(), password);
      onSignedIn(signedIn);
      serverBack(); // waiting actions and a failed search go now
    } catch (err) {
      setError(errorMessage(err));
      setPassword('');
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
    </Dialog>
  );
}
