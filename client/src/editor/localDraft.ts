// Unsaved editor text kept in this browser (localStorage), so a reload, a crash or a closed
// tab does not lose what an engineer typed. Keyed by user and article; cleared on save.
import type { FormValues } from './formModel';

export interface StoredDraft {
  values: FormValues;
  /** What the edit started from, so a later save can still merge (see merge.ts). */
  baseValues: FormValues;
  /** The article version the edit started from; null for a new article. */
  baseVersion: number | null;
  savedAt: string;
}

const PREFIX = 'firstcall.draft.';

/** One key per user and article ("new" articles: per queue request, or one plain draft). */
export function draftKey(
  userId: number | string,
  article: number | string | null,
  requestId?: number,
) {
  const what = article !== null ? `article-${article}` : requestId ? `request-${requestId}` : 'new';
  return `${PREFIX}${userId}.${what}`;
}

function isDraft(x: unknown): x is StoredDraft {
  const d = x as StoredDraft | null;
  return (
    !!d &&
    typeof d.values === 'object' &&
    typeof d.baseValues === 'object' &&
    typeof d.savedAt === 'string' &&
    (d.baseVersion === null || typeof d.baseVersion === 'number')
  );
}

export function loadDraft(key: string, empty: FormValues): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!isDraft(parsed)) return null;
    // fields added since the draft was stored get their empty value
    return {
      ...parsed,
      values: { ...empty, ...parsed.values },
      baseValues: { ...empty, ...parsed.baseValues },
    };
  } catch {
    return null; // storage disabled or a corrupt entry: no draft
  }
}

export function storeDraft(key: string, draft: StoredDraft): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    /* quota or private mode: the form still works, only without the safety net */
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    /* nothing stored */
  }
}
