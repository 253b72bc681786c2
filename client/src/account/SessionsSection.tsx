import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import type { SessionInfo } from '../../../server/contract/types';
import { SessionList } from '../ui/SessionList';

/** Your signed-in sessions, with last use; "sign out other sessions" for a forgotten desk. */
export function SessionsSection({ reload }: { reload: number }) {
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    api.sessions(ctl.signal).then(setSessions, (err: unknown) => {
      if (!ctl.signal.aborted) setError(errorMessage(err));
    });
    return () => ctl.abort();
  }, [reload]);

  async function endOthers() {
    setBusy(true);
    setError(null);
    try {
      const { ended } = await api.endOtherSessions();
      setStatus(
        ended === 1 ? '1 other session signed out.' : `${ended} other sessions signed out.`,
      );
      setSessions(await api.sessions());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const others = (sessions ?? []).filter((s) => !s.current).length;
  return (
    <section class="account-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      {error && (
        <p class="dialog-error" role="alert">
          {error}
        </p>
      )}
      <p class="sr-status" role="status">
        {status}
      </p>
      {!sessions && !error && <p>Loading…</p>}
      {sessions && <SessionList sessions={sessions} label="Your sessions" />}
      <button
        type="button"
        class="button button-secondary"
        disabled={busy || others === 0}
        onClick={() => void endOthers()}
      >
        Sign out other sessions
      </button>
    </section>
  );
}
