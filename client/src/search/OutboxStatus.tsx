import type { OutboxItem } from './outbox';
import { SAVED_HERE } from './useUndo';

/**
 * What waits in the browser for the server: each action that got no answer yet, on the contact
 * it belongs to. Gone once the server has it.
 */
export function OutboxStatus({ items }: { items: readonly OutboxItem[] }) {
  const waiting = items.filter((i) => i.attempts > 0);
  return (
    <div role="status" class="outbox-region">
      {waiting.length > 0 && (
        <ul class="outbox-status" aria-label="Waiting to be sent">
          {waiting.map((i) => (
            <li key={i.key}>
              Contact #{i.action.contactId}: {i.label}, {SAVED_HERE}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
