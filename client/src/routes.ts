// Which page a URL is: pure, so it is unit-tested without a browser.

export type Route =
  | { name: 'login' }
  | { name: 'search' }
  | { name: 'new' }
  | { name: 'article'; slug: string }
  | { name: 'edit'; slug: string }
  | { name: 'history'; slug: string }
  /** `department` null: the user's default queue (or impact) page. */
  | { name: 'queue'; department: string | null }
  | { name: 'impact'; department: string | null }
  | { name: 'admin' }
  | { name: 'audit' }
  | { name: 'settings' }
  | { name: 'account' }
  | { name: 'departments' }
  | { name: 'users' }
  | { name: 'integrations' }
  /** public: an invitation or reset link */
  | { name: 'setPassword' }
  /** public: the company's sign-in let someone in at the provider but not here */
  | { name: 'noAccess' }
  | { name: 'dashboard' }
  | { name: 'notFound' };

export interface Location {
  pathname: string;
  search: string;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function matchRoute(pathname: string): Route {
  // Tolerate a trailing slash ("/articles/x/") so pasted links still work.
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  // `/console?contact=42` is the screen-pop address a phone system opens in a browser tab
  if (path === '/' || path === '/console') return { name: 'search' };
  if (path === '/login') return { name: 'login' };
  if (path === '/articles/new') return { name: 'new' };
  if (path === '/admin') return { name: 'admin' };
  if (path === '/admin/audit') return { name: 'audit' };
  if (path === '/admin/settings') return { name: 'settings' };
  if (path === '/account') return { name: 'account' };
  if (path === '/admin/departments') return { name: 'departments' };
  if (path === '/admin/users') return { name: 'users' };
  if (path === '/admin/integrations') return { name: 'integrations' };
  if (path === '/set-password') return { name: 'setPassword' };
  if (path === '/no-access') return { name: 'noAccess' };
  if (path === '/dashboard') return { name: 'dashboard' };
  const m = /^\/articles\/([^/]+)(?:\/(edit|history))?$/.exec(path);
  const slug = m?.[1] ? safeDecode(m[1]) : null;
  if (m && slug) {
    if (m[2] === 'edit') return { name: 'edit', slug };
    if (m[2] === 'history') return { name: 'history', slug };
    return { name: 'article', slug };
  }
  const d = /^\/(queue|impact)(?:\/([^/]+))?$/.exec(path);
  if (d) {
    const department = d[2] ? safeDecode(d[2]) : null;
    if (d[2] && !department) return { name: 'notFound' };
    return { name: d[1] === 'queue' ? 'queue' : 'impact', department };
  }
  return { name: 'notFound' };
}

/** Only same-site paths are accepted as a post-login destination (no open redirects). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  const name = matchRoute(next.split('?')[0] ?? '/').name;
  if (name === 'login' || name === 'setPassword' || name === 'noAccess') return '/';
  return next;
}
