// A three-way merge of the form after a 409: what I changed, what they changed meanwhile.
import type { FieldName, FormValues } from './formModel';

export interface Merge {
  /** The form after the merge: their version plus every change of mine they did not touch. */
  values: FormValues;
  /** Fields we both changed, differently: the form shows theirs, mine is kept beside it. */
  conflicts: FieldName[];
}

/**
 * `base` is what I started from, `mine` what I typed, `theirs` the latest saved version.
 * A field only I changed keeps my text; a field only they changed takes theirs.
 */
export function mergeValues(base: FormValues, mine: FormValues, theirs: FormValues): Merge {
  const values = { ...theirs, note: mine.note };
  const conflicts: FieldName[] = [];
  for (const key of Object.keys(base) as FieldName[]) {
    if (key === 'note') continue;
    const iChanged = mine[key] !== base[key];
    const theyChanged = theirs[key] !== base[key];
    if (!iChanged || mine[key] === theirs[key]) continue;
    if (!theyChanged) (values as Record<FieldName, string>)[key] = mine[key];
    else conflicts.push(key);
  }
  return { values, conflicts };
}
