import { formatDateTime } from '../ui/format';
import { DiffView } from '../ui/DiffView';
import type { Conflict } from './useConflict';

interface Props {
  conflict: Conflict;
  onMerge: () => void;
}

/**
 * The 409 message: someone saved meanwhile. Says who and when, shows what they changed word by
 * word, and offers a merge that keeps every change of mine (nothing typed is thrown away).
 */
export function ConflictNotice({ conflict: c, onMerge }: Props) {
  const latest = c.latest;
  const merged = c.conflicts !== null;
  return (
    <section class="notice notice-warning conflict-notice" aria-label="Save conflict">
      {merged ? (
        <p role="alert">
          <strong>Merged into version {latest?.version}.</strong>{' '}
          {c.conflicts!.length
            ? 'Your other changes are in the form, line by line. You both changed the same lines of the fields listed under “Your text”: there the form shows their lines (your other lines are merged in); take yours or combine them, then save.'
            : 'Your changes are in the form, on top of the latest version. Check them, then save.'}
        </p>
      ) : (
        <p role="alert">
          <strong>
            Someone else saved a newer version of this article while you were editing.
          </strong>{' '}
          Your changes have not been saved and are still in the form.
        </p>
      )}
      {latest && (
        <p>
          Version {latest.version}
          {latest.updatedBy && <> by {latest.updatedBy.name}</>},{' '}
          <time dateTime={latest.updatedAt}>{formatDateTime(latest.updatedAt)}</time>. What changed
          since your version {c.fromVersion}:
        </p>
      )}
      {c.error && <p>Could not load the changes: {c.error}</p>}
      {!c.error && !c.diff && <p>Loading what changed…</p>}
      {c.diff && (
        <div class="conflict-diff">
          <DiffView fields={c.diff.fields} level={2} empty="Nothing in the text changed." />
        </div>
      )}
      {!merged && latest && (
        <button type="button" class="button" onClick={onMerge}>
          Merge my changes into the latest version
        </button>
      )}
    </section>
  );
}
