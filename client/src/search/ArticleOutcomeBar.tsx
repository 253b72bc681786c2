import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../api';
import type { Article, User } from '../../../server/contract/types';
import type { ToastState } from '../ui/useToast';
import { ActionBar } from './ActionBar';
import { ConsoleDialogs } from './ConsoleDialogs';
import { closedHere } from './outbox';
import { OutboxStatus } from './OutboxStatus';
import { actionForKey, type ConsoleAction } from './OutcomeKeys';
import { ConsoleAlert } from './SearchBox';
import {
  useConsoleActions,
  type ActionTarget,
  type DialogKind,
  type Done,
} from './useConsoleActions';
import { useContact } from './useContact';
import { useOutbox } from './useOutbox';
import { useUndo } from './useUndo';

/** What the page offers: the outcomes of the open contact and a copy of the steps. */
const PAGE_ACTIONS: ReadonlySet<ConsoleAction> = new Set([
  'solved',
  'solvedNoArticle',
  'tried',
  'escalate',
  'followUp',
  'copy',
]);

/** A key typed into a field or inside a dialog is text, not a shortcut. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('input, textarea, select, [contenteditable], dialog, [role="dialog"]');
}

/**
 * The console's outcome bar on the full-page article (narrow screens open results here): the
 * agent's open contact is solved with this article, marked tried, escalated or followed up
 * without going back, with the same keys, Undo, Idempotency-Keys and offline outbox as the
 * console. Shown only while the agent has an open contact.
 */
export function ArticleOutcomeBar({
  article,
  user,
  toast,
}: {
  article: Article;
  user: User;
  toast: ToastState;
}) {
  const [alert, setAlert] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const fail = (err: unknown) => setAlert(typeof err === 'string' ? err : errorMessage(err));
  const { outbox, items } = useOutbox(user.id, {
    delivered: (item, c) => {
      if (item.action.kind !== 'close') contact.update(c);
    },
    failed: fail,
  });
  const contact = useContact(
    true,
    false,
    (err) => fail(`Could not load your open contact: ${errorMessage(err)}`),
    (id) => closedHere(outbox.items, id),
  );
  const target: ActionTarget = {
    id: article.id,
    slug: article.slug,
    title: article.title,
    steps: [],
    department: article.department.slug,
  };
  // the page stays as it is: there is no search to put back
  const undo = useUndo({ outbox, contact, toast, fail, restoreView: () => undefined });
  const view = { query: '', filters: {}, slug: article.slug };
  /** Closed (offering Undo; the bar goes until Undo brings the contact back). */
  function closed(message: string, done?: Done) {
    setDialog(null);
    setAlert(null);
    if (!done) return toast.show(message);
    undo.offer(message, { kind: 'close', done, view });
    contact.clear();
  }
  const actions = useConsoleActions({
    hit: target,
    contact,
    canFlag: false,
    outbox,
    notify: toast.show,
    fail,
    openDialog: setDialog,
    finish: closed,
    marked(message, done) {
      undo.offer(message, { kind: 'tried', done, view, title: article.title });
    },
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || dialog) return;
      if (e.key.toLowerCase() === 'u' && undo.available) {
        e.preventDefault();
        return undo.undo();
      }
      const action = actionForKey(e.key, e.shiftKey);
      if (!action || !PAGE_ACTIONS.has(action) || !contact.contact) return;
      e.preventDefault();
      actions.run(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (!contact.contact && items.length === 0 && !alert) return null;
  return (
    <div class="article-outcomes">
      {contact.contact && (
        <>
          <p class="article-outcomes-contact">
            Contact #{contact.contact.id}
            {contact.contact.customerRef ? ` · ${contact.contact.customerRef}` : ''}
          </p>
          <ActionBar
            selectedTitle={article.title}
            contactOpen
            canFlag={false}
            busy={actions.busy}
            onAction={actions.run}
            only={PAGE_ACTIONS}
          />
        </>
      )}
      <OutboxStatus items={items} />
      <ConsoleAlert message={alert} onDismiss={alert ? () => setAlert(null) : undefined} />
      <ConsoleDialogs
        kind={dialog}
        hit={target}
        contact={contact}
        close={actions.close}
        finish={closed}
        notify={toast.show}
        onCancel={() => setDialog(null)}
        returnFocus={() => undefined}
      />
    </div>
  );
}
