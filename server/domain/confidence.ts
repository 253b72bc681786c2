import { AppError } from '../errors';
import type { Confidence, VersionKind } from '../contract/enums';
import type { Actor } from './roles';

/**
 * The KCS life of an article: wip → not_validated (submitted, has a resolution) → validated,
 * any of them → archived, and archived → back (restored). Who may act at all is canWrite
 * (the owning department's engineers, admins); this is which steps exist.
 */
const NEXT: Record<Confidence, readonly Confidence[]> = {
  wip: ['not_validated', 'archived'],
  not_validated: ['validated', 'wip', 'archived'],
  validated: ['not_validated', 'archived'],
  archived: ['wip', 'not_validated', 'validated'],
};

const LABEL: Record<Confidence, string> = {
  wip: 'work in progress',
  not_validated: 'not validated',
  validated: 'validated',
  archived: 'archived',
};

export function checkTransition(actor: Actor, from: Confidence, to: Confidence): void {
  if (actor.id === null) return; // imports (docs as code) state what the files say
  if (!NEXT[from].includes(to)) {
    throw new AppError(
      409,
      'confidence_transition_invalid',
      `An article cannot go from ${LABEL[from]} to ${LABEL[to]}: ${
        from === 'wip' ? 'submit it first (not validated), then validate it' : 'not a KCS step'
      }.`,
      'confidence',
    );
  }
}

/** The audit action a saved version stands for. */
export function auditAction(kind: VersionKind, from: Confidence, to: Confidence): string {
  if (kind === 'restore') return 'article.restore_version';
  if (kind === 'verify') return 'article.verify';
  if (kind === 'auto') return from === to ? 'article.edit' : 'article.auto_confidence';
  if (to === 'archived' && from !== 'archived') return 'article.archive';
  if (from === 'archived' && to !== 'archived') return 'article.unarchive';
  if (from !== to) return 'article.confidence';
  return 'article.edit';
}
