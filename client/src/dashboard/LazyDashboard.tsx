import { lazyPage } from '../ui/lazyPage';

/** The dashboard and chart.js load only when a manager opens it: the agent console stays small. */
export const LazyDashboard = lazyPage(
  () => import('./DashboardPage').then((m) => m.DashboardPage),
  'dashboard',
);
