import { useEffect, useRef, useState } from 'preact/hooks';
import type { Contact } from '../../../server/contract/types';
import { errorMessage } from '../api';
import type { OutboxItem } from './outbox';
import { outboxFor, type Outbox } from './outboxStore';

interface Handlers {
  delivered: (item: OutboxItem, contact: Contact) => void;
  failed: (message: string) => void;
}

/** The user's outbox and its waiting items, re-rendering when the list changes. */
export function useOutbox(
  userId: number,
  handlers: Handlers,
): { outbox: Outbox; items: readonly OutboxItem[] } {
  const outbox = outboxFor(userId);
  const [items, setItems] = useState(outbox.items);
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    setItems(outbox.items);
    const unsubscribe = outbox.subscribe(() => setItems(outbox.items));
    const off = outbox.on({
      delivered: (item, contact) => latest.current.delivered(item, contact),
      rejected: (item, err) =>
        latest.current.failed(
          `Not saved: “${item.label}” (contact #${item.action.contactId}) was refused by the ` +
            `server and dropped: ${errorMessage(err)}`,
        ),
    });
    return () => {
      unsubscribe();
      off();
    };
  }, [outbox]);
  return { outbox, items };
}
