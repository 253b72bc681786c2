import { Field } from '../ui/Field';
import { usePreview } from './usePreview';

interface Props {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  rows: number;
  value: string;
  required?: boolean;
  onInput: (e: Event) => void;
}

/** A Markdown textarea with its live preview beside it (below it on narrow screens). */
export function MarkdownField({ name, label, hint, error, rows, value, required, onInput }: Props) {
  const preview = usePreview(value);
  return (
    <div class="md-field">
      <Field name={name} label={label} hint={hint} error={error}>
        {(p) => <textarea {...p} rows={rows} value={value} onInput={onInput} required={required} />}
      </Field>
      {/* A heading, not a labelled region: "Issue" must stay the name of one control only. */}
      <div class={preview.pending ? 'md-preview is-pending' : 'md-preview'}>
        <h2 class="md-preview-label">{label} preview</h2>
        {preview.error ? (
          <p class="md-preview-note">Preview unavailable: {preview.error}</p>
        ) : !value.trim() ? (
          <p class="md-preview-note">Nothing to preview yet.</p>
        ) : (
          // Rendered and sanitized by the server, exactly as it will be saved.
          <div class="prose" dangerouslySetInnerHTML={{ __html: preview.html }} />
        )}
      </div>
    </div>
  );
}
