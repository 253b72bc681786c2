import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import type { User } from '../types';
import { canEdit, roleLabel } from './format';
import { Link } from './Link';

interface Props {
  user: User;
  onSignedOut: () => void;
}

export function Header({ user, onSignedOut }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      await api.logout();
      onSignedOut();
    } catch (err) {
      // Don't pretend to have signed out: on a shared desk the session would stay open.
      setError(`Sign out failed: ${errorMessage(err)}`);
      setBusy(false);
    }
  }

  return (
    <header class="app-header">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Link href="/" class="brand">
        Firstcall
      </Link>
      <nav class="header-nav" aria-label="Main">
        {canEdit(user.role) && (
          <Link href="/articles/new" class="button button-secondary">
            New article
          </Link>
        )}
      </nav>
      <div class="header-user">
        <span class="user-name">{user.name}</span>
        <span class="user-role">
          {roleLabel[user.role] ?? user.role} · {user.department.name}
        </span>
        <button type="button" class="button button-quiet" onClick={signOut} disabled={busy}>
          Sign out
        </button>
      </div>
      {error && (
        <p class="header-error" role="alert">
          {error}
        </p>
      )}
    </header>
  );
}
