import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage, isAbort } from '../api';
import type { SearchResult } from '../types';

export interface SearchState {
  /** The normalized query the current `result` answers ('' = nothing searched yet). */
  query: string;
  result: SearchResult | null;
  loading: boolean;
  error: string | null;
}

const DEBOUNCE_MS = 120;

/** Collapse whitespace so "AUTH-401 " and "AUTH-401" are one search, not two requests. */
export function normalizeQuery(q: string): string {
  return q.trim().replace(/\s+/g, ' ');
}

/**
 * Search-as-you-type. Each new query cancels the pending timer and the in-flight request,
 * and a sequence number drops any response that still arrives out of order, so the list
 * always matches the box. Old results stay on screen while the next ones load (no flicker).
 */
export function useSearch(rawQuery: string): SearchState {
  const q = normalizeQuery(rawQuery);
  const [state, setState] = useState<SearchState>({
    query: '',
    result: null,
    loading: false,
    error: null,
  });
  const seq = useRef(0);
  const first = useRef(true);

  useEffect(() => {
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
    const timer = window.setTimeout(() => {
      api.search(q, ctrl.signal).then(
        (result) => {
          if (id === seq.current) setState({ query: q, result, loading: false, error: null });
        },
        (err: unknown) => {
          if (isAbort(err) || id !== seq.current) return;
          setState({ query: q, result: null, loading: false, error: errorMessage(err) });
        },
      );
    }, delay);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [q]);

  return state;
}
