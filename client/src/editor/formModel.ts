// Converts between the API's Article and the form's flat string fields, and builds the
// POST/PATCH bodies. Pure functions, so the form component only deals with UI state.
import {
  ARTICLE_FIELDS,
  type ArticleFieldName,
  type ArticleSources,
} from '../../../server/contract/articleFields';
import type {
  Article,
  ArticleInput,
  ArticlePatch,
  Audience,
  Confidence,
} from '../../../server/contract/types';

/** Every content field of the catalogue as text; lists comma-separated (arrays in the API). */
type ContentValues = Record<ArticleFieldName, string>;

export interface FormValues extends ContentValues {
  department: string;
  audience: Audience;
  confidence: Confidence;
  /** "YYYY-MM-DD" or "" (none). */
  verifyBy: string;
  /** Whole days, or "" for the global setting. */
  verifyIntervalDays: string;
  note: string;
}

export type FieldName = keyof FormValues;

export const fieldLabels: Record<FieldName, string> = {
  ...(Object.fromEntries(ARTICLE_FIELDS.map((f) => [f.name, f.label])) as ContentValues),
  department: 'Department',
  audience: 'Audience',
  confidence: 'Confidence',
  verifyBy: 'Verify by',
  verifyIntervalDays: 'Verify every (days)',
  note: 'Version note',
};

/**
 * The form's order (merge conflicts are listed in it): the title, the facts the side panel
 * starts with, then the rest of the content.
 */
function inFormOrder<C extends { title: string }, F>(content: C, facts: F) {
  const { title, ...rest } = content;
  return { title, ...facts, ...rest };
}

const contentValues = (value: (f: (typeof ARTICLE_FIELDS)[number]) => string) =>
  Object.fromEntries(ARTICLE_FIELDS.map((f) => [f.name, value(f)])) as ContentValues;

export function emptyValues(department: string): FormValues {
  return {
    ...inFormOrder(
      contentValues(() => ''),
      // New articles start unvalidated work: "validated" is a claim someone makes on purpose.
      { department, audience: 'agents', confidence: 'wip' },
    ),
    verifyBy: '',
    verifyIntervalDays: '',
    note: '',
  };
}

export function fromArticle(a: Article): FormValues {
  const content = contentValues((f) => {
    const value = a[f.name];
    return Array.isArray(value) ? value.join(', ') : (value ?? '');
  });
  return {
    ...inFormOrder(content, {
      department: a.department.slug,
      audience: a.audience,
      confidence: a.confidence,
    }),
    verifyBy: a.verifyBy ?? '',
    verifyIntervalDays: a.verifyIntervalDays === null ? '' : String(a.verifyIntervalDays),
    note: '',
  };
}

/** "a, b,,  c, a" → ["a", "b", "c"]: blanks and repeats are typing noise, not data. */
export function splitList(text: string): string[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(items)];
}

/** "30" → 30; "" → null (the global setting). Anything else is left for the server to reject. */
function interval(text: string): number | null {
  const t = text.trim();
  return t === '' ? null : Number(t);
}

/** Every editable field as the API wants it (the note is handled separately). */
function fullBody(v: FormValues): Omit<ArticleInput, 'note' | 'requestIds'> {
  const content = Object.fromEntries(
    ARTICLE_FIELDS.map((f) => [
      f.name,
      f.kind === 'list' ? splitList(v[f.name]) : v[f.name].trim(),
    ]),
  ) as unknown as ArticleSources;
  return {
    ...inFormOrder(content, {
      department: v.department,
      audience: v.audience,
      confidence: v.confidence,
    }),
    verifyBy: v.verifyBy || null,
    verifyIntervalDays: interval(v.verifyIntervalDays),
  };
}

/** `requestIds`: the "needs an article" requests this article answers (a queue group). */
export function toCreateBody(v: FormValues, requestIds: readonly number[] = []): ArticleInput {
  const body: ArticleInput = fullBody(v);
  // Leave out empty optionals rather than sending "" / null the server might reject.
  if (!body.cause) delete body.cause;
  if (!body.verifyBy) delete body.verifyBy;
  if (body.verifyIntervalDays === null) delete body.verifyIntervalDays;
  if (v.note.trim()) body.note = v.note.trim();
  if (requestIds.length > 0) body.requestIds = [...requestIds];
  return body;
}

/**
 * Only the fields that changed since the edit started, plus the starting version. Sending
 * less means a concurrent edit to another field is not silently overwritten with old text.
 * Returns null when nothing changed.
 */
export function toPatchBody(v: FormValues, base: FormValues, version: number): ArticlePatch | null {
  const now = fullBody(v);
  const before = fullBody(base);
  const patch: ArticlePatch = { version };
  let changed = false;
  for (const key of Object.keys(now) as (keyof typeof now)[]) {
    if (JSON.stringify(now[key]) !== JSON.stringify(before[key])) {
      (patch as unknown as Record<string, unknown>)[key] = now[key];
      changed = true;
    }
  }
  if (!changed) return null;
  if (v.note.trim()) patch.note = v.note.trim();
  return patch;
}

/** Maps the server's `error.field` ("errorCodes", "errorCodes.2", "tags[0]") to a form field. */
export function formFieldFor(field: string | undefined): FieldName | null {
  const name = /^[A-Za-z]+/.exec(field ?? '')?.[0];
  return name && Object.hasOwn(fieldLabels, name) ? (name as FieldName) : null;
}

/** Mistakes the browser can catch before a round trip (the server checks everything again). */
export function localErrors(v: FormValues): Partial<Record<FieldName, string>> {
  const days = v.verifyIntervalDays.trim();
  if (days && !/^\d{1,4}$/.test(days)) {
    return { verifyIntervalDays: 'Whole days, e.g. 90, or leave it empty for the default.' };
  }
  return {};
}
