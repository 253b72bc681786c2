import type { QueueFlag, QueueFlagReason } from '../../../server/contract/types';
import { formatDate } from '../ui/format';
import { Link } from '../ui/Link';

export const queueFlagLabel: Record<QueueFlagReason, string> = {
  outdated: 'Outdated',
  incorrect: 'Incorrect',
  unclear: 'Unclear',
  missing_step: 'Missing a step',
  failing: 'Keeps failing',
};

interface Props {
  flags: QueueFlag[];
  canAct: boolean;
  onResolve: (flag: QueueFlag) => void;
}

/** Open flags on the department's articles: reason, comment and who raised it. */
export function FlagList({ flags, canAct, onResolve }: Props) {
  if (flags.length === 0) return <p class="queue-empty">No open flags.</p>;
  return (
    <ul class="queue-list" aria-label="Open flags">
      {flags.map((f) => (
        <li key={f.id} class="queue-item">
          <p class="queue-item-title">
            <Link href={`/articles/${encodeURIComponent(f.article.slug)}`}>{f.article.title}</Link>
          </p>
          <p class="queue-item-meta">
            <span class="badge badge-flag">{queueFlagLabel[f.reason] ?? f.reason}</span> by{' '}
            {f.flaggedBy ? f.flaggedBy.name : 'Firstcall (automatic)'} ·{' '}
            <time dateTime={f.createdAt}>{formatDate(f.createdAt)}</time>
            {f.contactId !== null && <> · contact #{f.contactId}</>}
          </p>
          {f.comment && <blockquote class="queue-comment">{f.comment}</blockquote>}
          {canAct && (
            <div class="queue-actions">
              <button type="button" class="button button-small" onClick={() => onResolve(f)}>
                Resolve
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
