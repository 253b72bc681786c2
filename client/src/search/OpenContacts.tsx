import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import type { Contact } from '../../../server/contract/types';
import { formatDateTime } from '../ui/format';
import { channelLabel } from './ContactBar';

interface Props {
  /** The contact the console works on now (not listed). */
  currentId: number | null;
  onResume: (contact: Contact) => void;
  onError: (message: string) => void;
}

const LIMIT = 20;

/**
 * The agent's other open contacts (a call put on hold, a chat left for a new one): each can be
 * resumed, or closed as a follow-up so it stops waiting. Hidden when there are none.
 */
export function OpenContacts({ currentId, onResume, onError }: Props) {
  const [open, setOpen] = useState<Contact[]>([]);
  const [busy, setBusy] = useState<number | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    api.contacts('open', LIMIT, ctrl.signal).then(setOpen, () => {
      /* the list is a convenience: the contact bar reports real problems */
    });
    return () => ctrl.abort();
  }, [currentId]);

  const others = open.filter((c) => c.id !== currentId);
  if (others.length === 0) return null;

  async function close(c: Contact) {
    setBusy(c.id);
    try {
      await api.closeContact(c.id, { outcome: 'follow_up' });
      setOpen((list) => list.filter((x) => x.id !== c.id));
    } catch (err) {
      onError(`Could not close contact #${c.id}: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <details class="open-contacts">
      <summary>
        {others.length} other open contact{others.length === 1 ? '' : 's'}
      </summary>
      <ul>
        {others.map((c) => (
          <li key={c.id}>
            <span class="contact-id">Contact #{c.id}</span>
            <span>{channelLabel[c.channel] ?? c.channel}</span>
            {c.customerRef && (
              <span>
                Ref <code>{c.customerRef}</code>
              </span>
            )}
            <span>started {formatDateTime(c.startedAt)}</span>
            <span>
              {c.searches.length} {c.searches.length === 1 ? 'search' : 'searches'}
            </span>
            <button
              type="button"
              class="button button-small"
              onClick={() => onResume(c)}
              disabled={busy === c.id}
            >
              Resume #{c.id}
            </button>
            <button
              type="button"
              class="button button-small button-quiet"
              onClick={() => void close(c)}
              disabled={busy === c.id}
            >
              Close #{c.id} as follow-up
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
