import { csrfSync } from 'csrf-sync';

/**
 * Synchronizer-token CSRF protection (DESIGN §6): the token lives in the server-side session,
 * `GET /api/auth/csrf` hands it out, and every state-changing request, login included,
 * must echo it in the X-CSRF-Token header.
 */
export const csrf = csrfSync({
  getTokenFromRequest: (req) => req.get('x-csrf-token'),
  size: 32,
});
