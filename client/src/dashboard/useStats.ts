import { useEffect, useState } from 'preact/hooks';
import { errorMessage, isAbort } from '../api';

export interface Loaded<T> {
  /** The last answer; kept while a new one loads, so the page does not flash empty. */
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Loads `fetcher` whenever `key` changes (a request string is a good key), cancelling the
 * previous request; an error clears the stale data so old numbers are never shown as new.
 */
export function useStats<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    fetcher(ctrl.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (err: unknown) => {
        if (!isAbort(err)) setState({ data: null, error: errorMessage(err), loading: false });
      },
    );
    return () => ctrl.abort();
  }, [key]); // the key stands for everything the fetcher reads
  return state;
}
