import { useState } from 'preact/hooks';
import { api, engineerApi, errorMessage } from '../api';
import type { Article, ArticleDiff } from '../../../server/contract/types';
import type { FieldName, FormValues } from './formModel';

/** A save refused as stale (409): what was saved meanwhile, and my text, kept for the merge. */
export interface Conflict {
  /** The version my edit started from. */
  fromVersion: number;
  latest: Article | null;
  /** What changed: my starting version → the latest. */
  diff: ArticleDiff | null;
  error: string | null;
  mine: FormValues;
  mineBase: FormValues;
  /** Set once merged: the fields we both changed (my text waits beside the form). */
  conflicts: FieldName[] | null;
}

/** Loads what changed meanwhile (GET article, then GET diff?from=mine&to=latest). */
export function useConflict() {
  const [conflict, setConflict] = useState<Conflict | null>(null);

  async function start(
    articleId: string,
    fromVersion: number,
    mine: FormValues,
    mineBase: FormValues,
  ) {
    const c: Conflict = {
      fromVersion,
      latest: null,
      diff: null,
      error: null,
      mine,
      mineBase,
      conflicts: null,
    };
    setConflict(c);
    try {
      const latest = await api.article(articleId);
      setConflict({ ...c, latest });
      const diff = await engineerApi.diff(articleId, fromVersion, latest.version);
      setConflict({ ...c, latest, diff });
    } catch (err) {
      setConflict((now) => (now ? { ...now, error: errorMessage(err) } : now));
    }
  }

  return {
    conflict,
    start,
    /** After the merge: keep the notice (and what changed) until the next save. */
    merged: (conflicts: FieldName[]) => setConflict((c) => (c ? { ...c, conflicts } : c)),
    /** One conflicting field settled (my text taken, or dismissed). */
    settle: (field: FieldName) =>
      setConflict((c) =>
        c && c.conflicts ? { ...c, conflicts: c.conflicts.filter((f) => f !== field) } : c,
      ),
    clear: () => setConflict(null),
  };
}
