import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, errorMessage, isAbort, isUnreachable } from '../api';
import { onServerBack } from '../reachability';
import { retryDelay } from './outbox';
import type { SearchResult } from '../../../server/contract/types';
import type { Filters } from './consoleUrl';

export interface SearchState {
  /** The normalized query the current `result` answers ('' = nothing searched yet). */
  query: string;
  result: SearchResult | null;
  loading: boolean;
  error: string | null;
}

/** How a search finds its contact: started on demand, told when a search was recorded. */
export interface SearchContact {
  ensure: () => Promise<number | undefined>;
  searched: () => void;
  /** Starting the contact failed: the search still runs, without one. */
  failed: (err: unknown) => void;
}

/**
 * Short: the server answers in milliseconds and a newer keystroke aborts the older request, so
 * a long pause would only add to keystroke → paint (bench/console.ts, target p95 ≤ 150 ms).
 */
const DEBOUNCE_MS = 40;

/** Collapse whitespace so "AUTH-401 " and "AUTH-401" are one search, not two requests. */
export function normalizeQuery(q: string): string {
  return q.trim().replace(/\s+/g, ' ');
}

async function contactIdFor(contact: SearchContact): Promise<number | undefined> {
  try {
    return await contact.ensure();
  } catch (err) {
    contact.failed(err);
    return undefined;
  }
}

/**
 * Search-as-you-type. Each new query (or filter) cancels the pending timer and the in-flight
 * request, and a sequence number drops any response that still arrives out of order, so the
 * list always matches the box. Old results stay on screen while the next ones load. The first
 * search of a contact starts one before it is sent, so every search is logged with it.
 */
export function useSearch(rawQuery: string, filters: Filters, contact: SearchContact): SearchState {
  const q = normalizeQuery(rawQuery);
  const { department, product } = filters;
  const [state, setState] = useState<SearchState>({
    query: '',
    result: null,
    loading: false,
    error: null,
  });
  const seq = useRef(0);
  const first = useRef(true);
  const contactRef = useRef(contact);
  contactRef.current = contact;
  // a search that failed for want of a server (or a session) runs again by itself
  const [retry, setRetry] = useState(0);
  const failures = useRef(0);
  const waiting = state.error !== null && failures.current > 0;
  useEffect(() => {
    if (!waiting) return;
    const again = () => setRetry((n) => n + 1);
    const timer = window.setTimeout(again, retryDelay(failures.current));
    const off = onServerBack(again);
    window.addEventListener('online', again);
    return () => {
      window.clearTimeout(timer);
      off();
      window.removeEventListener('online', again);
    };
  }, [waiting, retry]);

  // a layout effect starts the timer right after the keystroke's render, not a frame later
  useLayoutEffect(() => {
    const id = ++seq.current;
    // The first search (from a reloaded or shared ?q= URL) runs at once: nobody is typing.
    const delay = first.current ? 0 : DEBOUNCE_MS;
    first.current = false;
    if (!q) {
      setState({ query: '', result: null, loading: false, error: null });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    const ctrl = new AbortController();
    const timer = window.setTimeout(async () => {
      const c = contactRef.current;
      const contactId = await contactIdFor(c);
      if (ctrl.signal.aborted) return;
      api.search(q, { department, product, contactId }, ctrl.signal).then(
        (result) => {
          if (id !== seq.current) return;
          failures.current = 0;
          setState({ query: q, result, loading: false, error: null });
          if (contactId !== undefined) c.searched();
        },
        (err: unknown) => {
          if (isAbort(err) || id !== seq.current) return;
          const passing = isUnreachable(err) || (err instanceof ApiError && err.status === 401);
          failures.current = passing ? failures.current + 1 : 0;
          setState({ query: q, result: null, loading: false, error: errorMessage(err) });
        },
      );
    }, delay);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, department, product, retry]);

  return state;
}
