import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  title: string;
  /** Short line under the title (e.g. which article or contact this is about). */
  subtitle?: string;
  submitLabel: string;
  /** The second button's label (Esc does the same). */
  cancelLabel?: string;
  busy?: boolean;
  /** A message from the server that belongs to no single field. */
  error?: string | null;
  onSubmit: () => void;
  /** Esc, the Cancel button, or the dialog being dismissed. */
  onCancel: () => void;
  /** Where focus goes when the dialog closes; defaults to the element focused before it opened. */
  returnFocus?: () => HTMLElement | null | undefined;
  children: ComponentChildren;
}

function shouldSubmitOnEnter(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return false;
  const el = e.target as HTMLElement;
  // Buttons and links keep their own Enter (Cancel must stay Cancel).
  return el.tagName !== 'BUTTON' && el.tagName !== 'A';
}

/**
 * A labelled modal <dialog>: showModal() makes the rest of the page inert (focus stays inside),
 * Esc cancels, Enter submits from any field (Shift+Enter for a new line in a textarea), and
 * focus goes back where it came from when the dialog closes.
 */
export function Dialog(props: Props) {
  const { title, subtitle, submitLabel, busy, error, onSubmit, onCancel, children } = props;
  const cancelLabel = props.cancelLabel ?? 'Cancel';
  const ref = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const subId = useId();
  const returnFocus = useRef(props.returnFocus);
  returnFocus.current = props.returnFocus;

  useLayoutEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      const target = returnFocus.current?.() ?? previous;
      // close() gives focus back by itself, but a text box that gets it that way shows focus and
      // takes no typing (Chromium, when a key in that box opened the dialog): focus it anew
      if (target && document.activeElement === target) target.blur();
      target?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      aria-describedby={subtitle ? subId : undefined}
      onCancel={(e) => {
        // Let the owner unmount us, so state and DOM never disagree about "open".
        e.preventDefault();
        if (!busy) onCancel();
      }}
      onKeyDown={(e) => {
        if (!shouldSubmitOnEnter(e)) return;
        e.preventDefault();
        formRef.current?.requestSubmit();
      }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) onSubmit();
        }}
      >
        <h2 id={titleId} class="dialog-title">
          {title}
        </h2>
        {subtitle && (
          <p id={subId} class="dialog-subtitle">
            {subtitle}
          </p>
        )}
        {children}
        {error && (
          <p class="dialog-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : submitLabel}
          </button>
          <button type="button" class="button" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
          <span class="dialog-keys" aria-hidden="true">
            <kbd>Enter</kbd> {submitLabel.toLowerCase()} <kbd>Esc</kbd> {cancelLabel.toLowerCase()}
          </span>
        </div>
      </form>
    </dialog>
  );
}
