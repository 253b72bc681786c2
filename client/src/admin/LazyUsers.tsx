import { lazyPage } from '../ui/lazyPage';

/** People administration loads only when an admin opens it: the agent console stays small. */
export const LazyUsers = lazyPage(
  () => import('./UsersPage').then((m) => m.UsersPage),
  'users page',
);
