import { useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api';
import type { CloseContact, Contact, SearchHit } from '../../../server/contract/types';
import { copyRich } from '../ui/clipboard';
import { htmlToPlainText } from '../ui/plainText';
import type { ConsoleAction } from './OutcomeKeys';
import type { ContactApi } from './useContact';
import type { Outbox } from './outboxStore';

export type DialogKind = 'newContact' | 'escalate' | 'followUp' | 'flag';

/** An outcome as the console knows it: the server's contact, or a local copy while kept here. */
export interface Done {
  contact: Contact;
  /** Kept in the browser ("saved here, sending…"): the server has not confirmed it yet. */
  queued: boolean;
  /** The contact as it was before: what Undo brings back. */
  before: Contact;
  /** The outbox item (its Idempotency-Key): Undo before it was sent just drops it. */
  key: string;
}

const OUTCOME_WORDS: Record<CloseContact['outcome'], string> = {
  solved: 'Solved',
  escalated: 'Escalated',
  follow_up: 'Follow-up',
};

/** The article an action is about: a search hit, or the article a page shows. */
export type ActionTarget = Pick<SearchHit, 'id' | 'slug' | 'title' | 'steps' | 'department'>;

interface Options {
  /** The selected article (the one in the reading pane on wide screens). */
  hit: ActionTarget | undefined;
  contact: ContactApi;
  /** Managers may not flag articles. */
  canFlag: boolean;
  outbox: Outbox;
  notify: (message: string) => void;
  fail: (err: unknown) => void;
  openDialog: (kind: DialogKind) => void;
  /** The contact is closed: confirm (offering Undo) and start fresh. */
  finish: (message: string, done: Done) => void;
  /** A tried mark was recorded (or kept here): confirm, offering Undo. */
  marked: (message: string, done: Done) => void;
}

export interface ConsoleActions {
  busy: boolean;
  run: (action: ConsoleAction) => void;
  /** Ensure the open contact, then close it (the dialogs use this too). */
  close: (body: CloseContact) => Promise<Done>;
  recordOpened: (hit: SearchHit) => void;
}

/** The whole resolution as plain text and as HTML (the card's first steps if it can't load). */
async function resolutionCopy(hit: ActionTarget): Promise<{ text: string; html: string }> {
  try {
    const article = await api.article(hit.slug);
    const text = htmlToPlainText(article.resolutionHtml);
    if (text) return { text, html: article.resolutionHtml };
  } catch {
    /* fall back to what the card shows */
  }
  const text = hit.steps.map((s, i) => `${i + 1}. ${s}`).join('\n');
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return { text, html: `<ol>${hit.steps.map((s) => `<li>${escape(s)}</li>`).join('')}</ol>` };
}

/** What each console key and button does, against the API contract. */
export function useConsoleActions(o: Options): ConsoleActions {
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  async function contactId(): Promise<number> {
    const id = await o.contact.ensure();
    if (id === undefined) {
      throw new ApiError(403, 'contacts_disabled', 'Contacts are not logged for your role.');
    }
    return id;
  }

  async function close(body: CloseContact): Promise<Done> {
    const id = await contactId();
    const before = o.contact.contact;
    if (!before) throw new ApiError(409, 'contact_closed', 'No open contact.');
    const label = OUTCOME_WORDS[body.outcome];
    const { key, delivery } = o.outbox.submitKeyed({ kind: 'close', contactId: id, body }, label);
    try {
      const d = await delivery;
      if (d.sent) return { contact: d.contact, queued: false, before, key };
      const local: Contact = {
        ...before,
        closedAt: new Date().toISOString(),
        outcome: body.outcome,
      };
      return { contact: local, queued: true, before, key };
    } catch (err) {
      // Closed in another tab: forget it, so the next search starts a new one.
      if (err instanceof ApiError && err.id === 'contact_closed') o.contact.clear();
      throw err;
    }
  }

  /** One action at a time: a double-pressed S must not close two contacts. */
  async function guarded(fn: () => Promise<void>): Promise<void> {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      o.fail(err);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  const needHit = (what: string) => o.fail(`Select an article first (arrow keys), then ${what}.`);

  function run(action: ConsoleAction): void {
    const { hit } = o;
    const outcome = action !== 'copy' && action !== 'flag' && action !== 'newContact';
    if (!o.contact.enabled && action !== 'copy' && action !== 'flag') {
      return o.fail('Contacts are not logged for your role.');
    }
    // No ghost contacts: an outcome needs one that a search or N started.
    if (outcome && !o.contact.contact) {
      return o.fail('No open contact: search or press N to start one.');
    }
    switch (action) {
      case 'solved':
        if (!hit) return needHit('press S (or Shift+S: solved without an article)');
        void guarded(async () => {
          const done = await close({ outcome: 'solved', articleId: hit.id });
          o.finish(`Solved with ${done.contact.article?.title ?? hit.title}`, done);
        });
        return;
      case 'solvedNoArticle':
        void guarded(async () => {
          o.finish('Solved without an article', await close({ outcome: 'solved' }));
        });
        return;
      case 'tried':
        if (!hit) return needHit('press T');
        void guarded(async () => {
          const id = await contactId();
          const before = o.contact.contact;
          if (!before) return;
          const { key, delivery } = o.outbox.submitKeyed(
            { kind: 'tried', contactId: id, articleId: hit.id },
            `Tried: ${hit.title}`,
          );
          const d = await delivery;
          const contact = d.sent
            ? d.contact
            : before.tried.some((a) => a.id === hit.id)
              ? before
              : {
                  ...before,
                  tried: [...before.tried, { id: hit.id, slug: hit.slug, title: hit.title }],
                };
          o.contact.update(contact);
          o.marked(`Marked as tried: ${hit.title}. The contact stays open.`, {
            contact,
            queued: !d.sent,
            before,
            key,
          });
        });
        return;
      case 'copy':
        if (!hit) return needHit('press C');
        void guarded(async () => {
          const { text, html } = await resolutionCopy(hit);
          const ok = await copyRich(text, html);
          if (ok) o.notify('Copied');
          else o.fail('Could not copy: select the steps in the article and copy them by hand.');
        });
        return;
      case 'flag':
        if (!o.canFlag) return o.fail('Only agents, engineers and admins flag articles.');
        if (!hit) return needHit('press X');
        o.openDialog('flag');
        return;
      case 'escalate':
      case 'followUp':
      case 'newContact':
        o.openDialog(action);
        return;
    }
  }

  function recordOpened(hit: SearchHit): void {
    if (!o.contact.enabled) return;
    contactId()
      .then(
        (id) =>
          o.outbox.submitKeyed(
            { kind: 'opened', contactId: id, articleId: hit.id },
            `Opened: ${hit.title}`,
          ).delivery,
      )
      .then((d) => {
        if (d.sent) o.contact.update(d.contact);
      }, o.fail);
  }

  return { busy, run, close, recordOpened };
}
