import type { ComponentChildren } from 'preact';

/** Props every form control gets, wiring it to its label, hint and error message. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

interface Props {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  class?: string;
  children: (control: ControlProps) => ComponentChildren;
}

export const controlId = (name: string) => `field-${name}`;

/** Label, control, hint and server error for one form field, linked up for screen readers. */
export function Field({ name, label, hint, error, class: extra, children }: Props) {
  const id = controlId(name);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' has-error' : ''}${extra ? ` ${extra}` : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({
        id,
        name,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
