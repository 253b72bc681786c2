import { formatDateTime } from '../ui/format';

interface Props {
  /** Written from a queue request (new articles only). */
  fromRequest: boolean;
  /** When the unsaved draft put back into the form was stored; null: none. */
  restoredAt: string | null;
  onDiscard: () => void;
}

/** Where the form's text came from: a queue request, or this browser's unsaved draft. */
export function EditorNotices({ fromRequest, restoredAt, onDiscard }: Props) {
  return (
    <>
      {fromRequest && (
        <p class="notice notice-info">
          Answers a “needs an article” request: it leaves the queue when the article is submitted.
        </p>
      )}
      {restoredAt && (
        <div class="notice notice-info">
          <p>
            Restored your unsaved changes from{' '}
            <time dateTime={restoredAt}>{formatDateTime(restoredAt)}</time>.
          </p>
          <button type="button" class="button button-small" onClick={onDiscard}>
            Discard my unsaved changes
          </button>
        </div>
      )}
    </>
  );
}
