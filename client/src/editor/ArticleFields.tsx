import { ARTICLE_FIELDS } from '../../../server/contract/articleFields';
import type { Department } from '../../../server/contract/types';
import { Field } from '../ui/Field';
import { fieldLabels as L } from './formModel';
import { MarkdownField } from './MarkdownField';
import type { FieldName, FormValues } from './formModel';

interface Props {
  values: FormValues;
  errors: Partial<Record<FieldName, string>>;
  departments: Department[];
  /** Editing: confidence changes through the review steps on the article page, not here. */
  editing: boolean;
  onChange: (name: FieldName, value: string) => void;
}

/** The resolution gets room for its steps; other Markdown fields start at 4 lines. */
const ROWS: Partial<Record<FieldName, number>> = { resolution: 10 };

/** The article form's controls, in reading order: content first, then metadata. */
export function ArticleFields({ values: v, errors, departments, editing, onChange }: Props) {
  // Every control reports its own name, so one handler serves them all.
  const onInput = (e: Event) => {
    const el = e.currentTarget as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    onChange(el.name as FieldName, el.value);
  };
  const text = (name: FieldName, hint?: string, required = false) => (
    <Field key={name} name={name} label={L[name]} hint={hint} error={errors[name]}>
      {(p) => <input {...p} type="text" value={v[name]} onInput={onInput} required={required} />}
    </Field>
  );
  const area = (name: FieldName, rows: number, hint?: string, required = false) => (
    <MarkdownField
      key={name}
      name={name}
      label={L[name]}
      hint={hint}
      error={errors[name]}
      rows={rows}
      value={v[name]}
      required={required}
      onInput={onInput}
    />
  );

  // Content reads down the main column; lists sit with the metadata beside it.
  const content = ARTICLE_FIELDS.filter((f) => f.kind !== 'list').map((f) =>
    f.kind === 'markdown'
      ? area(f.name, ROWS[f.name] ?? 4, f.hint, f.required)
      : text(f.name, f.hint || undefined, f.required),
  );
  const lists = ARTICLE_FIELDS.filter((f) => f.kind === 'list').map((f) =>
    text(f.name, f.hint, f.required),
  );

  return (
    <div class="form-grid">
      <div class="form-main">{content}</div>
      <div class="form-side">
        <Field name="department" label={L.department} error={errors.department}>
          {(p) => (
            <select {...p} value={v.department} onChange={onInput} required>
              <option value="">Choose a department…</option>
              {departments.map((d) => (
                <option key={d.slug} value={d.slug}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="audience" label={L.audience} error={errors.audience}>
          {(p) => (
            <select {...p} value={v.audience} onChange={onInput}>
              <option value="agents">Agents (may be read to customers)</option>
              <option value="internal">Internal only</option>
            </select>
          )}
        </Field>
        {!editing && (
          <Field
            name="confidence"
            label={L.confidence}
            hint="Start as WIP and submit it from the article page when it is ready."
            error={errors.confidence}
          >
            {(p) => (
              <select {...p} value={v.confidence} onChange={onInput}>
                <option value="wip">WIP (draft)</option>
                <option value="not_validated">Not validated (submitted)</option>
                <option value="validated">Validated</option>
              </select>
            )}
          </Field>
        )}
        {lists}
        <Field
          name="verifyBy"
          label={L.verifyBy}
          hint="Optional. After this date the article shows as Stale."
          error={errors.verifyBy}
        >
          {(p) => <input {...p} type="date" value={v.verifyBy} onInput={onInput} />}
        </Field>
        <Field
          name="verifyIntervalDays"
          label={L.verifyIntervalDays}
          hint="Optional. Days between checks once validated; empty uses the global setting."
          error={errors.verifyIntervalDays}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              value={v.verifyIntervalDays}
              onInput={onInput}
            />
          )}
        </Field>
        {text('note', 'Optional. What changed and why, for the history.')}
      </div>
    </div>
  );
}
