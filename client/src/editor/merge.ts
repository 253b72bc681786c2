// A three-way merge of the form after a 409: what I changed, what they changed meanwhile.
import { diff3Merge } from 'node-diff3';
import type { FieldName, FormValues } from './formModel';

export interface Merge {
  /** The form after the merge: their version plus every change of mine they did not touch. */
  values: FormValues;
  /**
   * Fields where we both changed the same lines, differently: the form shows their lines there
   * (and every other line merged), my text is kept beside it to choose from.
   */
  conflicts: FieldName[];
}

/**
 * `base` is what I started from, `mine` what I typed, `theirs` the latest saved version.
 * Per field and line by line (node-diff3): a line only I changed keeps my text, a line only
 * they changed takes theirs; only lines we both changed differently are left to choose.
 */
export function mergeValues(base: FormValues, mine: FormValues, theirs: FormValues): Merge {
  const values = { ...theirs, note: mine.note };
  const conflicts: FieldName[] = [];
  for (const key of Object.keys(base) as FieldName[]) {
    if (key === 'note') continue;
    const iChanged = mine[key] !== base[key];
    const theyChanged = theirs[key] !== base[key];
    if (!iChanged || mine[key] === theirs[key]) continue;
    if (!theyChanged) {
      (values as Record<FieldName, string>)[key] = mine[key];
      continue;
    }
    const lines = mergeLines(base[key], mine[key], theirs[key]);
    (values as Record<FieldName, string>)[key] = lines.text;
    if (lines.conflict) conflicts.push(key);
  }
  return { values, conflicts };
}

/** One field, line by line; where both sides changed the same lines, their lines stand. */
export function mergeLines(
  base: string,
  mine: string,
  theirs: string,
): { text: string; conflict: boolean } {
  const regions = diff3Merge(mine.split('\n'), base.split('\n'), theirs.split('\n'), {
    excludeFalseConflicts: true,
  }) as ({ ok: string[] } | { conflict: { a: string[]; o: string[]; b: string[] } })[];
  let conflict = false;
  const out: string[] = [];
  for (const r of regions) {
    if ('ok' in r) out.push(...r.ok);
    else {
      conflict = true;
      out.push(...r.conflict.b);
    }
  }
  return { text: out.join('\n'), conflict };
}
