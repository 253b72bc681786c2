import { lazyPage } from '../ui/lazyPage';

/** Tokens and webhooks load only when an admin opens them. */
export const LazyIntegrations = lazyPage(
  () => import('./integrations/IntegrationsPage').then((m) => m.IntegrationsPage),
  'integrations page',
);
