import { emitFlagged } from '../articles/flags';
import type { Database } from '../../db/connection';
import { insertAudit } from '../../stores/audit';
import { findArticleById, listVersions } from '../../stores/articles';
import { distinctSolvers, recentTries } from '../../stores/contacts';
import { hasOpenFlag, insertFlag } from '../../stores/flags';
import { updateArticle } from '../articles/write';
import type { SearchIndex } from '../../search/searchIndex';
import { SYSTEM } from '../../domain/roles';
import { getSettings } from '../settings/settings';

export interface OutcomeDeps {
  db: Database;
  search: SearchIndex;
}

const DAY = 86_400_000;

/**
 * Outcome-driven confidence (KCS "reuse is review"): a not-validated article that K different
 * agents solved contacts with is validated; the version's note says why.
 */
export async function promoteIfProven(deps: OutcomeDeps, articleId: number): Promise<void> {
  const article = await findArticleById(deps.db, articleId);
  if (!article || article.confidence !== 'not_validated') return;
  const { promoteThreshold } = await getSettings(deps.db);
  const solvers = await distinctSolvers(deps.db, articleId);
  if (solvers < promoteThreshold) return;
  await updateArticle(
    deps,
    SYSTEM,
    String(articleId),
    { version: article.version, confidence: 'validated' },
    {
      kind: 'auto',
      reason: `Validated automatically: solved contacts for ${solvers} different agents (threshold ${promoteThreshold}).`,
    },
  );
}

/**
 * An undone solve counts nowhere, confidence included: when the solve being taken back is what
 * validated the article (the latest version is that automatic validation, made after it), and
 * without it fewer than K agents solved with the article, it is not validated again.
 */
export async function demoteIfUnproven(
  deps: OutcomeDeps,
  articleId: number,
  solvedAt: string,
): Promise<void> {
  const article = await findArticleById(deps.db, articleId);
  if (!article || article.confidence !== 'validated') return;
  const [latest] = await listVersions(deps.db, articleId);
  if (latest?.kind !== 'auto' || latest.createdAt < solvedAt) return;
  const { promoteThreshold } = await getSettings(deps.db);
  const solvers = await distinctSolvers(deps.db, articleId);
  if (solvers >= promoteThreshold) return;
  await updateArticle(
    deps,
    SYSTEM,
    String(articleId),
    { version: article.version, confidence: 'not_validated' },
    {
      kind: 'auto',
      reason: `Not validated again: the solve that validated it was undone (${solvers} different agents now, threshold ${promoteThreshold}).`,
    },
  );
}

/** A validated article that keeps failing ("tried, didn't solve" J times in 30 days) is flagged. */
export async function flagIfFailing(deps: OutcomeDeps, articleId: number): Promise<void> {
  const article = await findArticleById(deps.db, articleId);
  if (!article || article.confidence !== 'validated') return;
  const { failThreshold } = await getSettings(deps.db);
  const since = new Date(Date.now() - 30 * DAY).toISOString();
  const tries = await recentTries(deps.db, articleId, since);
  if (tries < failThreshold) return;
  await deps.db.transaction(async (tx) => {
    if (await hasOpenFlag(tx, articleId, 'failing')) return;
    const at = new Date().toISOString();
    const comment = `Tried without solving ${tries} times in 30 days (threshold ${failThreshold}).`;
    const flagId = await insertFlag(tx, {
      articleId,
      departmentId: article.departmentId,
      userId: null,
      contactId: null,
      reason: 'failing',
      comment,
      at,
    });
    await emitFlagged(tx, flagId, article, 'failing', comment);
    await insertAudit(tx, {
      actorId: null,
      action: 'article.auto_flag',
      entity: 'article',
      entityId: articleId,
      detail: { reason: 'failing', comment },
      at,
    });
  });
}
