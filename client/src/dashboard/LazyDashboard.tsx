import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Location } from '../routes';
import type { User } from '../../../server/contract/types';

type Page = ComponentType<{ user: User; loc: Location }>;
let loaded: Page | null = null;

/**
 * The dashboard and chart.js load only when a manager opens it (a separate chunk, see
 * client/build.mjs), so the agent console stays small and fast to start.
 */
export function LazyDashboard(props: { user: User; loc: Location }) {
  const [Page, setPage] = useState<Page | null>(() => loaded);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (Page) return;
    import('./DashboardPage').then(
      (m) => {
        loaded = m.DashboardPage;
        setPage(() => m.DashboardPage);
      },
      () => setError('The dashboard could not be loaded. Reload the page to try again.'),
    );
  }, [Page]);
  if (error)
    return (
      <p role="alert" class="notice">
        {error}
      </p>
    );
  return Page ? <Page {...props} /> : <p aria-busy="true">Loading the dashboard…</p>;
}
