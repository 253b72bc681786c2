import { ACTION_KEYS, type ConsoleAction } from './OutcomeKeys';

interface Props {
  /** Title of the selected article; article actions are disabled without one. */
  selectedTitle: string | null;
  /** Outcomes need an open contact. */
  contactOpen: boolean;
  busy: boolean;
  /** Managers read but do not flag (the API refuses them). */
  canFlag: boolean;
  onAction: (action: ConsoleAction) => void;
  /** Only these actions (the article page has no new contact, and its own Flag button). */
  only?: ReadonlySet<ConsoleAction>;
}

/**
 * Every outcome and article action as a button, each showing its key: the legend and the
 * mouse path in one row.
 */
export function ActionBar({ selectedTitle, contactOpen, busy, canFlag, onAction, only }: Props) {
  return (
    <div class="action-bar" role="group" aria-label="Contact outcome">
      <p class="action-target">
        {selectedTitle ? (
          <>
            Selected: <span class="action-title">{selectedTitle}</span>
          </>
        ) : (
          'No article selected'
        )}
      </p>
      {ACTION_KEYS.filter(
        (a) => (canFlag || a.action !== 'flag') && (!only || only.has(a.action)),
      ).map((a) => (
        <button
          key={a.action}
          type="button"
          class="button button-small"
          aria-keyshortcuts={a.shortcut}
          disabled={busy || (a.needsArticle && !selectedTitle) || (a.needsContact && !contactOpen)}
          onClick={() => onAction(a.action)}
        >
          {a.label} <kbd aria-hidden="true">{a.key}</kbd>
        </button>
      ))}
    </div>
  );
}
