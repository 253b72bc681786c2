import { useState } from 'preact/hooks';
import { errorMessage } from '../api';
import type { CloseContact } from '../../../server/contract/types';
import { Dialog } from '../ui/Dialog';
import type { Done } from './useConsoleActions';

interface Props {
  close: (body: CloseContact) => Promise<Done>;
  onDone: (done: Done) => void;
  onCancel: () => void;
  returnFocus?: () => HTMLElement | null | undefined;
}

/** Close the contact as "follow-up", with an optional note for whoever picks it up. */
export function FollowUpDialog({ close, onDone, onCancel, returnFocus }: Props) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const text = note.trim();
      onDone(await close({ outcome: 'follow_up', ...(text ? { note: text } : {}) }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Follow-up"
      submitLabel="Close as follow-up"
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
      returnFocus={returnFocus}
    >
      <div class="field">
        <label for="followup-note">Note (optional)</label>
        <textarea
          id="followup-note"
          rows={3}
          maxLength={2000}
          autofocus
          value={note}
          aria-describedby="followup-note-hint"
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <p class="field-hint" id="followup-note-hint">
          What happens next, e.g. “call back after the engineer visit”. <kbd>Shift</kbd>+
          <kbd>Enter</kbd> for a new line.
        </p>
      </div>
    </Dialog>
  );
}
