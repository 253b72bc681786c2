import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, isAbort } from '../api';
import type { QueueData } from '../../../server/contract/types';

export interface QueueState {
  queue: QueueData | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/** One department's queue; `reload` after resolving something. The old data stays while reloading. */
export function useQueue(department: string): QueueState {
  const [queue, setQueue] = useState<QueueData | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    api.queue(department, ctrl.signal).then(
      (q) => {
        setQueue(q);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setError(errorMessage(err));
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [department, attempt]);

  return { queue, loading, error, reload: () => setAttempt((n) => n + 1) };
}
