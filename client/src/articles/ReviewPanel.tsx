import { useRef, useState } from 'preact/hooks';
import { ApiError, engineerApi } from '../api';
import type { Article, User } from '../../../server/contract/types';
import { formatDate, formatDay } from '../ui/format';
import { Link } from '../ui/Link';
import { NoteDialog } from '../ui/NoteDialog';
import { canWork } from '../ui/rights';
import { confidenceName, STEPS, type Step } from './confidenceSteps';

interface Props {
  article: Article;
  user: User;
  /** A step or verification saved a new version: show it. */
  onChanged: (article: Article, message: string) => void;
  /** The article changed meanwhile (409): reload it. */
  onStale: () => void;
}

type Action = { kind: 'step'; step: Step } | { kind: 'verify' };

/** Confidence, review steps, verification and history, for the people who look after articles. */
export function ReviewPanel({ article: a, user, onChanged, onStale }: Props) {
  const [action, setAction] = useState<Action | null>(null);
  const done = useRef(false);
  const mayAct = canWork(user, a.department.slug);
  const path = `/articles/${encodeURIComponent(a.slug)}`;
  const noResolution = !a.resolution.trim();

  async function run(note: string) {
    if (!action) return;
    const body = { version: a.version, ...(note && { note }) };
    try {
      const saved =
        action.kind === 'verify'
          ? await engineerApi.verify(String(a.id), body)
          : await engineerApi.changeConfidence(String(a.id), { ...body, to: action.step.to });
      done.current = true;
      setAction(null);
      onChanged(
        saved,
        action.kind === 'verify'
          ? `Verified. Next check by ${saved.verifyBy ? formatDay(saved.verifyBy) : 'the default interval'}.`
          : `${confidenceName[saved.confidence]} (version ${saved.version}).`,
      );
    } catch (err) {
      if (err instanceof ApiError && err.id === 'article_version_conflict') onStale();
      throw err;
    }
  }

  return (
    <aside class="review-panel" aria-label="Review" id="review-panel" tabIndex={-1}>
      <div class="review-row">
        <p class="review-state">
          <span class="review-label">Confidence:</span>{' '}
          <strong>{confidenceName[a.confidence]}</strong>
        </p>
        {mayAct && (
          <div class="review-actions">
            {STEPS[a.confidence].map((step) => (
              <button
                key={step.to}
                type="button"
                class={step.primary ? 'button button-small button-primary' : 'button button-small'}
                aria-haspopup="dialog"
                disabled={step.needsResolution && noResolution}
                aria-describedby={
                  step.needsResolution && noResolution ? 'review-needs-resolution' : undefined
                }
                onClick={() => setAction({ kind: 'step', step })}
              >
                {step.label}
              </button>
            ))}
          </div>
        )}
        <Link href={`${path}/history`} class="review-history">
          History
        </Link>
      </div>
      {mayAct && noResolution && a.confidence !== 'archived' && (
        <p class="review-hint" id="review-needs-resolution">
          Add a resolution (Edit) before submitting it for review.
        </p>
      )}
      {!mayAct && (
        <p class="review-hint">
          Engineers of {a.department.name} and admins review and verify this article.
        </p>
      )}
      <div class="review-row">
        <p class="review-state">
          <span class="review-label">Verify by:</span>{' '}
          {a.verifyBy ? <time dateTime={a.verifyBy}>{formatDay(a.verifyBy)}</time> : 'not set'}
          {a.stale && <span class="badge badge-stale">Stale</span>}
          <span class="review-sep" aria-hidden="true">
            ·
          </span>
          <span class="review-label">Last verified:</span>{' '}
          {a.verifiedAt ? (
            <>
              <time dateTime={a.verifiedAt}>{formatDate(a.verifiedAt)}</time>
              {a.verifiedBy && <> by {a.verifiedBy}</>}
            </>
          ) : (
            'never'
          )}
        </p>
        {mayAct && a.confidence === 'validated' && (
          <button
            type="button"
            class="button button-small"
            aria-haspopup="dialog"
            onClick={() => setAction({ kind: 'verify' })}
          >
            Verify now
          </button>
        )}
      </div>
      {action && (
        <NoteDialog
          title={action.kind === 'verify' ? 'Verify now' : action.step.label}
          subtitle={a.title}
          submitLabel={action.kind === 'verify' ? 'Verify' : action.step.label}
          explanation={
            action.kind === 'verify'
              ? 'You checked that it still works: a new verify-by date is set.'
              : action.step.explanation
          }
          noteLabel="Note for the history"
          onSubmit={run}
          onCancel={() => setAction(null)}
          // after a step its button may be gone: land on the panel, which shows the new state
          returnFocus={() => {
            if (!done.current) return undefined;
            done.current = false;
            return document.getElementById('review-panel');
          }}
        />
      )}
    </aside>
  );
}
