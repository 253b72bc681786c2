import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { User } from '../../../server/contract/types';

type Page = ComponentType<{ user: User }>;
let loaded: Page | null = null;

/** People administration loads only when an admin opens it: agents' console stays small. */
export function LazyUsers(props: { user: User }) {
  const [Page, setPage] = useState<Page | null>(() => loaded);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (Page) return;
    import('./UsersPage').then(
      (m) => {
        loaded = m.UsersPage;
        setPage(() => m.UsersPage);
      },
      () => setError('The users page could not be loaded. Reload the page to try again.'),
    );
  }, [Page]);
  if (error)
    return (
      <p role="alert" class="notice">
        {error}
      </p>
    );
  return Page ? <Page {...props} /> : <p aria-busy="true">Loading…</p>;
}
