import { fieldLabels } from './formModel';
import type { FieldName, FormValues } from './formModel';

interface Props {
  /** My text from before the merge. */
  draft: FormValues;
  /** The fields we both changed: the form shows theirs. */
  fields: FieldName[];
  onUse: (field: FieldName) => void;
  onDismiss: (field: FieldName) => void;
}

/**
 * After a merge, the fields someone else changed too: my text is kept here, field by field, so
 * nothing typed during a call is lost. Take it back whole, or copy the parts still needed.
 */
export function DraftNotice({ draft, fields, onUse, onDismiss }: Props) {
  if (fields.length === 0) return null;
  return (
    <section class="draft-notice" aria-labelledby="draft-notice-title">
      <h2 id="draft-notice-title">Your text</h2>
      <p>
        You and someone else both changed these fields. The form shows their latest text; yours is
        below.
      </p>
      {fields.map((k) => (
        <div class="field" key={k}>
          <label for={`draft-${k}`}>{fieldLabels[k]} (yours)</label>
          <textarea
            id={`draft-${k}`}
            readOnly
            rows={Math.min(8, draft[k].split('\n').length + 1)}
            value={draft[k]}
          />
          <div class="draft-actions">
            <button type="button" class="button button-small" onClick={() => onUse(k)}>
              Use my text for {fieldLabels[k]}
            </button>
            <button
              type="button"
              class="button button-quiet button-small"
              onClick={() => onDismiss(k)}
            >
              Keep theirs
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
