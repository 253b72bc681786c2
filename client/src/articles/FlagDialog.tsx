import { useState } from 'preact/hooks';
import { ApiError, api, errorMessage } from '../api';
import type { Flag, FlagReason } from '../../../server/contract/types';
import { Dialog } from '../ui/Dialog';

interface Props {
  article: { slug: string; title: string };
  contactId?: number;
  onDone: (flag: Flag) => void;
  onCancel: () => void;
  returnFocus?: () => HTMLElement | null | undefined;
}

export const flagReasonLabel: Record<FlagReason, string> = {
  outdated: 'Outdated',
  incorrect: 'Incorrect',
  unclear: 'Unclear',
  missing_step: 'Missing a step',
};

const REASONS = Object.keys(flagReasonLabel) as FlagReason[];

/** Tell the owning department an article needs work: a reason and a comment. */
export function FlagDialog({ article, contactId, onDone, onCancel, returnFocus }: Props) {
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  async function submit() {
    if (!reason) return setError({ field: 'reason', message: 'Choose a reason.' });
    if (!comment.trim()) return setError({ field: 'comment', message: 'Add a short comment.' });
    setBusy(true);
    setError(null);
    try {
      onDone(await api.flagArticle(article.slug, { reason, comment: comment.trim(), contactId }));
    } catch (err) {
      setError({
        message: errorMessage(err),
        field: err instanceof ApiError ? err.field : undefined,
      });
      setBusy(false);
    }
  }

  const reasonError = error?.field === 'reason' ? error.message : null;
  const commentError = error?.field === 'comment' ? error.message : null;
  return (
    <Dialog
      title="Flag article"
      subtitle={article.title}
      submitLabel="Send flag"
      busy={busy}
      error={error && !reasonError && !commentError ? error.message : null}
      onSubmit={submit}
      onCancel={onCancel}
      returnFocus={returnFocus}
    >
      <fieldset
        class={reasonError ? 'field radio-group has-error' : 'field radio-group'}
        aria-describedby={reasonError ? 'flag-reason-error' : undefined}
      >
        <legend>Reason</legend>
        {REASONS.map((r, i) => (
          <label key={r} class="radio">
            <input
              type="radio"
              name="flag-reason"
              value={r}
              autofocus={i === 0}
              checked={reason === r}
              onChange={() => setReason(r)}
            />
            {flagReasonLabel[r]}
          </label>
        ))}
        {reasonError && (
          <p class="field-error" id="flag-reason-error">
            {reasonError}
          </p>
        )}
      </fieldset>
      <div class={commentError ? 'field has-error' : 'field'}>
        <label for="flag-comment">Comment</label>
        <textarea
          id="flag-comment"
          rows={3}
          maxLength={2000}
          value={comment}
          aria-invalid={commentError ? 'true' : undefined}
          aria-describedby={commentError ? 'flag-comment-error' : undefined}
          onInput={(e) => setComment(e.currentTarget.value)}
        />
        {commentError && (
          <p class="field-error" id="flag-comment-error">
            {commentError}
          </p>
        )}
      </div>
    </Dialog>
  );
}
