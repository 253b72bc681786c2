import { useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api';
import type { CloseContact, Contact, SearchHit } from '../../../server/contract/types';
import { copyRich } from '../ui/clipboard';
import { htmlToPlainText } from '../ui/plainText';
import type { ConsoleAction } from './OutcomeKeys';
import type { ContactApi } from './useContact';

export type DialogKind = 'newContact' | 'escalate' | 'followUp' | 'flag';

interface Options {
  /** The selected article (the one in the reading pane on wide screens). */
  hit: SearchHit | undefined;
  contact: ContactApi;
  /** Managers may not flag articles. */
  canFlag: boolean;
  notify: (message: string) => void;
  fail: (err: unknown) => void;
  openDialog: (kind: DialogKind) => void;
  /** The contact is closed: confirm and start fresh. */
  finish: (message: string) => void;
}

export interface ConsoleActions {
  busy: boolean;
  run: (action: ConsoleAction) => void;
  /** Ensure the open contact, then close it (the dialogs use this too). */
  close: (body: CloseContact) => Promise<Contact>;
  recordOpened: (hit: SearchHit) => void;
}

/** The resolution as plain text to paste into a chat or ticket; the card's steps if that fails. */
/** The whole resolution as plain text and as HTML (the card's first steps if it can't load). */
async function resolutionCopy(hit: SearchHit): Promise<{ text: string; html: string }> {
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

  async function close(body: CloseContact): Promise<Contact> {
    const id = await contactId();
    try {
      return await api.closeContact(id, body);
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
          const c = await close({ outcome: 'solved', articleId: hit.id });
          o.finish(`Solved with ${c.article?.title ?? hit.title}`);
        });
        return;
      case 'solvedNoArticle':
        void guarded(async () => {
          await close({ outcome: 'solved' });
          o.finish('Solved without an article');
        });
        return;
      case 'tried':
        if (!hit) return needHit('press T');
        void guarded(async () => {
          o.contact.update(await api.markTried(await contactId(), hit.id));
          o.notify(`Marked as tried: ${hit.title}. The contact stays open.`);
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
      .then((id) => api.markOpened(id, hit.id))
      .then((c) => o.contact.update(c), o.fail);
  }

  return { busy, run, close, recordOpened };
}
