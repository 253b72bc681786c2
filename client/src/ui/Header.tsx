import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import type { User } from '../../../server/contract/types';
import { canEdit, roleLabel } from './format';
import { Link } from './Link';
import { hasQueues } from './rights';

interface Props {
  user: User;
  /** The route being shown, to mark its link as the current page. */
  page: string;
  onSignedOut: () => void;
}

export function Header({ user, page, onSignedOut }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      const elsewhere = await api.logout();
      // signed in through the company's provider: sign out there too (it comes back to /login)
      if (elsewhere) window.location.assign(elsewhere);
      else onSignedOut();
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
        <Link href="/" class="nav-link" current={page === 'search'}>
          Search
        </Link>
        {hasQueues(user) && (
          <>
            {/* engineers: their department's queue; managers and admins pick one there */}
            <Link
              href={user.role === 'engineer' ? `/queue/${user.department.slug}` : '/queue'}
              class="nav-link"
              current={page === 'queue'}
            >
              Queue
            </Link>
            <Link href="/impact" class="nav-link" current={page === 'impact'}>
              Impact
            </Link>
          </>
        )}
        {(user.role === 'manager' || user.role === 'admin') && (
          <Link href="/dashboard" class="nav-link" current={page === 'dashboard'}>
            Dashboard
          </Link>
        )}
        {user.role === 'admin' && (
          <>
            <Link href="/admin" class="nav-link" current={page === 'admin'}>
              Admin
            </Link>
            <Link href="/admin/audit" class="nav-link" current={page === 'audit'}>
              Audit
            </Link>
            <Link href="/admin/settings" class="nav-link" current={page === 'settings'}>
              Settings
            </Link>
          </>
        )}
        {canEdit(user.role) && (
          <Link href="/articles/new" class="button button-secondary" current={page === 'new'}>
            New article
          </Link>
        )}
      </nav>
      <div class="header-user">
        <Link href="/account" class="user-name" current={page === 'account'}>
          {user.name}
        </Link>
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
