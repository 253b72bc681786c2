import { useState } from 'preact/hooks';
import { copyText } from './clipboard';

interface Props {
  id: string;
  label: string;
  value: string;
  hint?: string;
}

/** A value to hand over (an invitation link): selectable, with a Copy button that says so. */
export function CopyField({ id, label, value, hint }: Props) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div class="field copy-field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div class="copy-field-row">
        <input
          id={id}
          readOnly
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          class="button button-small"
          onClick={() => void copyText(value).then(setCopied)}
        >
          Copy
        </button>
      </div>
      <p class="sr-status" role="status">
        {copied === true
          ? 'Copied.'
          : copied === false
            ? 'Copy failed: select the text and copy it.'
            : ''}
      </p>
    </div>
  );
}
