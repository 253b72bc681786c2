interface Props<T extends string> {
  legend: string;
  /** the values, shown as code, each with what it means */
  options: Record<T, string>;
  value: readonly T[];
  onChange: (value: T[]) => void;
  error?: string;
}

/** A set of checkboxes for API words (token scopes, webhook events), with the server's error. */
export function CodeChoices<T extends string>({
  legend,
  options,
  value,
  onChange,
  error,
}: Props<T>) {
  return (
    <fieldset class={`field${error ? ' has-error' : ''}`}>
      <legend>{legend}</legend>
      {(Object.keys(options) as T[]).map((o) => (
        <label key={o} class="checkbox">
          <input
            type="checkbox"
            checked={value.includes(o)}
            onChange={(e) =>
              onChange(e.currentTarget.checked ? [...value, o] : value.filter((x) => x !== o))
            }
          />{' '}
          <code>{o}</code>: {options[o]}
        </label>
      ))}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
