import { useRef } from 'preact/hooks';
import { ApiError, errorMessage } from '../api';
import type { Contact } from '../../../server/contract/types';
import type { ToastState } from '../ui/useToast';
import type { Filters } from './consoleUrl';
import type { Outbox } from './outboxStore';
import type { Done } from './useConsoleActions';
import type { ContactApi } from './useContact';

/** What the console showed when the outcome was given: Undo puts it back. */
export interface ConsoleView {
  query: string;
  filters: Filters;
  /** The selected article (the one in the reading pane). */
  slug: string | undefined;
}

export interface UndoTarget {
  kind: 'close' | 'tried';
  done: Done;
  view: ConsoleView;
  /** For the confirmation: "Undone: … is no longer marked as tried". */
  title?: string;
}

interface Options {
  outbox: Outbox;
  contact: ContactApi;
  toast: ToastState;
  fail: (message: string) => void;
  restoreView: (view: ConsoleView) => void;
}

export interface Undo {
  /** Show the outcome's toast with Undo (button and U) for its 10 s. */
  offer: (message: string, target: UndoTarget) => void;
  /** Undo is on offer now. */
  available: boolean;
  undo: () => void;
}

export const SAVED_HERE = 'saved here, sending…';

function undoFailure(err: unknown): string {
  if (err instanceof ApiError && err.status === 409) {
    const id = err.id as string;
    if (id === 'undo_expired')
      return `Too late to undo: the outcome stays as saved. ${err.message}`;
    if (id === 'nothing_to_undo') return `Nothing to undo: ${err.message}`;
  }
  return `Could not undo: ${errorMessage(err)}`;
}

/**
 * Undo of the last outcome or tried mark: an action still waiting in the outbox is simply
 * dropped; one the server has is taken back by POST /undo (through the outbox, with its own
 * Idempotency-Key). A reopened contact becomes the current one, with its search and article.
 */
export function useUndo(o: Options): Undo {
  const target = useRef<UndoTarget | null>(null);
  const busy = useRef(false);

  async function undo(): Promise<void> {
    const t = target.current;
    if (!t || busy.current) return;
    busy.current = true;
    target.current = null;
    o.toast.hide();
    const id = t.done.before.id;
    try {
      let contact: Contact = t.done.before;
      let queued = false;
      if (!o.outbox.cancel(t.done.key)) {
        const d = await o.outbox.submit({ kind: 'undo', contactId: id }, 'Undo');
        if (d.sent) contact = d.contact;
        else queued = true;
      }
      o.contact.reopen(contact);
      if (t.kind === 'close') o.restoreView(t.view);
      const what =
        t.kind === 'close'
          ? `Undone: contact #${id} is open again`
          : `Undone: ${t.title ?? 'the article'} is no longer marked as tried`;
      o.toast.show(queued ? `${what} (${SAVED_HERE})` : what);
    } catch (err) {
      o.fail(undoFailure(err));
    } finally {
      busy.current = false;
    }
  }

  return {
    offer(message, t) {
      target.current = t;
      o.toast.show(t.done.queued ? `${message} (${SAVED_HERE})` : message, {
        label: 'Undo',
        key: 'U',
        run: () => void undo(),
      });
    },
    available: o.toast.action !== null && target.current !== null,
    undo: () => void undo(),
  };
}
