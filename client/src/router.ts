// A tiny History-API router: a dozen routes do not justify a dependency.
import { useEffect, useState } from 'preact/hooks';

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
  | { name: 'audit' }
  | { name: 'settings' }
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
  if (path === '/') return { name: 'search' };
  if (path === '/login') return { name: 'login' };
  if (path === '/articles/new') return { name: 'new' };
  if (path === '/admin/audit') return { name: 'audit' };
  if (path === '/admin/settings') return { name: 'settings' };
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

const listeners = new Set<() => void>();

function current(): Location {
  return { pathname: window.location.pathname, search: window.location.search };
}

function notify(): void {
  for (const fn of listeners) fn();
}

window.addEventListener('popstate', notify);

/** How many in-app steps lie behind this history entry (kept in history.state). */
function depth(): number {
  const d = (window.history.state as { fcDepth?: unknown } | null)?.fcDepth;
  return typeof d === 'number' ? d : 0;
}

/** Whether Back stays inside the app (false when the page was opened from a link or bookmark). */
export function canGoBack(): boolean {
  return depth() > 0;
}

/** Go to an app URL. `replace` is for redirects, which should not leave a Back step. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const here = window.location.pathname + window.location.search;
  if (to === here) return;
  if (opts.replace) window.history.replaceState({ fcDepth: depth() }, '', to);
  else window.history.pushState({ fcDepth: depth() + 1 }, '', to);
  if (!opts.replace) window.scrollTo(0, 0);
  notify();
}

/**
 * Rewrite the URL without re-rendering (the search box mirrors its query into ?q=).
 * Browsers rate-limit history calls, so failures are ignored: the URL is a convenience.
 */
export function replaceUrlQuietly(to: string): void {
  try {
    if (to !== window.location.pathname + window.location.search) {
      window.history.replaceState(window.history.state, '', to);
    }
  } catch {
    /* throttled: keep the old URL */
  }
}

/** The current location; re-renders the caller on every navigation. */
export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = () => setLoc(current());
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, []);
  return loc;
}

/**
 * Click handler for in-app links: plain left clicks navigate client-side; modified clicks
 * (new tab, new window, download) are left to the browser.
 */
export function handleLinkClick(e: MouseEvent): void {
  const a = e.currentTarget as HTMLAnchorElement;
  if (
    e.defaultPrevented ||
    e.button !== 0 ||
    e.metaKey ||
    e.ctrlKey ||
    e.shiftKey ||
    e.altKey ||
    (a.target && a.target !== '_self') ||
    a.origin !== window.location.origin
  ) {
    return;
  }
  e.preventDefault();
  navigate(a.pathname + a.search);
}

/** Only same-site paths are accepted as a post-login destination (no open redirects). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (matchRoute(next.split('?')[0] ?? '/').name === 'login') return '/';
  return next;
}
