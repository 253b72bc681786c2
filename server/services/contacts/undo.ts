import { conflict, notFound } from '../../errors';
import { deleteRequestOfContact } from '../../stores/articleRequests';
import { insertAudit } from '../../stores/audit';
import {
  latestContactAction,
  markContactActionUndone,
  type ContactActionRow,
} from '../../stores/contactActions';
import * as contacts from '../../stores/contacts';
import type { Actor } from '../../domain/roles';
import { loadContact, notYours, type ContactDeps } from './contacts';
import { demoteIfUnproven } from './outcomes';

export interface UndoDeps extends ContactDeps {
  /** how long after an action it can still be taken back (UNDO_SECONDS) */
  undoMs: number;
}

/**
 * Takes back the contact's latest outcome or "tried" mark, within the undo window of the
 * moment it was made. An undone close opens the contact again without its article link,
 * escalation or "needs an article" request, and its solve counts nowhere: not in the roll-ups
 * (migration 007's trigger), not in ranking's recent solves, not in outcome-driven confidence.
 */
export async function undoLatest(deps: UndoDeps, actor: Actor, id: number) {
  const now = new Date().toISOString();
  const undone = await deps.db.transaction(async (tx) => {
    const contact = await contacts.findContact(tx, id);
    if (!contact) throw notFound('Contact');
    if (contact.agentId !== actor.id && actor.role !== 'admin') throw notYours();
    const action = await latestContactAction(tx, id);
    if (!action) throw conflict('nothing_to_undo', 'This contact has no outcome to take back.');
    if (Date.parse(action.at) + deps.undoMs < Date.parse(now)) {
      throw conflict(
        'undo_expired',
        `An outcome can be taken back for ${Math.round(deps.undoMs / 1000)} seconds; this one was saved at ${action.at}.`,
      );
    }
    const what = action.kind === 'close' ? contact.outcome! : 'tried';
    if (action.kind === 'close') {
      await deleteRequestOfContact(tx, id);
      await contacts.reopenContact(tx, id);
    } else {
      await contacts.removeTried(tx, id, action.articleId!);
    }
    await markContactActionUndone(tx, action.id, now);
    await insertAudit(tx, {
      actorId: actor.id,
      action: 'contact.undo',
      entity: 'contact',
      entityId: id,
      detail: { undone: what, articleId: action.articleId ?? undefined },
      at: now,
    });
    return {
      action,
      solvedWith: what === 'solved' ? contact.articleId : null,
      closedAt: contact.closedAt,
    };
  });
  await forgetSolve(deps, undone.action, undone.solvedWith, undone.closedAt);
  return loadContact(deps.db, id);
}

async function forgetSolve(
  deps: UndoDeps,
  action: ContactActionRow,
  articleId: number | null,
  closedAt: string | null,
): Promise<void> {
  if (articleId === null || closedAt === null) return;
  deps.solves.forgetSolve(articleId, closedAt);
  await demoteIfUnproven(deps, articleId, action.at).catch(deps.onError);
}
