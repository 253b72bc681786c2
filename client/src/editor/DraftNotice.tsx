import { fieldLabels } from './formModel';
import type { FieldName, FormValues } from './formModel';

interface Props {
  draft: FormValues;
  latest: FormValues;
  onDismiss: () => void;
}

/**
 * After "Reload latest" the form shows the other person's version; the user's own text is
 * kept here, field by field, so nothing typed during a call is lost. Copy back what's needed.
 */
export function DraftNotice({ draft, latest, onDismiss }: Props) {
  const changed = (Object.keys(draft) as FieldName[]).filter(
    (k) => draft[k] !== latest[k] && draft[k].trim(),
  );
  if (changed.length === 0) return null;
  return (
    <section class="draft-notice" aria-labelledby="draft-notice-title">
      <h2 id="draft-notice-title">Your unsaved text</h2>
      <p>
        The form now shows the latest version. Copy anything you still need from your edits below.
      </p>
      {changed.map((k) => (
        <div class="field" key={k}>
          <label for={`draft-${k}`}>{fieldLabels[k]} (yours)</label>
          <textarea
            id={`draft-${k}`}
            readOnly
            rows={Math.min(8, draft[k].split('\n').length + 1)}
            value={draft[k]}
          />
        </div>
      ))}
      <button type="button" class="button button-quiet" onClick={onDismiss}>
        Discard my text
      </button>
    </section>
  );
}
