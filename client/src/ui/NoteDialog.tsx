import { useState } from 'preact/hooks';
import { errorMessage } from '../api';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  subtitle?: string;
  submitLabel: string;
  /** Shown above the note, e.g. what the step does. */
  explanation?: string;
  noteLabel?: string;
  /** Resolving a queue item needs a note; a confidence step only may have one. */
  required?: boolean;
  /** Does the work; a thrown error is shown in the dialog, which stays open. */
  onSubmit: (note: string) => Promise<void>;
  onCancel: () => void;
  returnFocus?: () => HTMLElement | null | undefined;
}

/** A confirmation with a note for the history or the queue: resolve, submit, validate, verify. */
export function NoteDialog(props: Props) {
  const { title, subtitle, submitLabel, explanation, required, onSubmit, onCancel } = props;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);

  async function submit() {
    if (required && !note.trim()) return setNoteError('Say how it was resolved.');
    setBusy(true);
    setError(null);
    setNoteError(null);
    try {
      await onSubmit(note.trim());
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={title}
      subtitle={subtitle}
      submitLabel={submitLabel}
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
      returnFocus={props.returnFocus}
    >
      {explanation && <p class="dialog-explanation">{explanation}</p>}
      <div class={noteError ? 'field has-error' : 'field'}>
        <label for="note-dialog-note">
          {props.noteLabel ?? 'Note'}
          {!required && <span class="label-optional"> (optional)</span>}
        </label>
        <textarea
          id="note-dialog-note"
          rows={3}
          maxLength={required ? 1000 : 500}
          autofocus
          value={note}
          aria-invalid={noteError ? 'true' : undefined}
          aria-describedby={noteError ? 'note-dialog-error' : undefined}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        {noteError && (
          <p class="field-error" id="note-dialog-error">
            {noteError}
          </p>
        )}
      </div>
    </Dialog>
  );
}
