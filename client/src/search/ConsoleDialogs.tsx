import type { CloseContact } from '../../../server/contract/types';
import { EscalateDialog } from './EscalateDialog';
import { FlagDialog, flagReasonLabel } from '../articles/FlagDialog';
import { FollowUpDialog } from './FollowUpDialog';
import { NewContactDialog } from './NewContactDialog';
import type { ActionTarget, DialogKind, Done } from './useConsoleActions';
import type { ContactApi } from './useContact';

interface Props {
  kind: DialogKind | null;
  hit: ActionTarget | undefined;
  contact: ContactApi;
  close: (body: CloseContact) => Promise<Done>;
  /** The contact was closed (offering Undo) or, without `done`, a new one started. */
  finish: (message: string, done?: Done) => void;
  notify: (message: string) => void;
  onCancel: () => void;
  returnFocus: () => HTMLElement | null | undefined;
}

/** The one console dialog open at a time, wired to its outcome. */
export function ConsoleDialogs({ kind, hit, contact, close, finish, notify, ...rest }: Props) {
  const common = { onCancel: rest.onCancel, returnFocus: rest.returnFocus };
  switch (kind) {
    case 'newContact':
      return (
        <NewContactDialog
          {...common}
          open={contact.contact}
          start={contact.start}
          onDone={(c) => finish(`Contact #${c.id} started`)}
        />
      );
    case 'escalate':
      return (
        <EscalateDialog
          {...common}
          defaultDepartment={
            hit && hit.department !== contact.contact?.agentDepartment.slug
              ? hit.department
              : undefined
          }
          close={close}
          onDone={(done) =>
            finish(
              `Escalated to ${done.contact.escalatedTo?.name ?? 'the department'}` +
                (done.contact.needsArticle ? ' (article requested)' : ''),
              done,
            )
          }
        />
      );
    case 'followUp':
      return (
        <FollowUpDialog
          {...common}
          close={close}
          onDone={(done) => finish('Follow-up logged', done)}
        />
      );
    case 'flag':
      if (!hit) return null;
      return (
        <FlagDialog
          {...common}
          article={hit}
          contactId={contact.contact?.id}
          onDone={(f) => {
            rest.onCancel();
            notify(`Flagged “${f.article.title}” as ${flagReasonLabel[f.reason].toLowerCase()}`);
          }}
        />
      );
    default:
      return null;
  }
}
