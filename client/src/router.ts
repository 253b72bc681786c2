// A tiny History-API router: a dozen routes do not justify a dependency.
import { useEffect, useState } from 'preact/hooks';

import type { Location } from './routes';

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
