// Shapes of the engineer and admin endpoints (versions, diffs, settings, audit, impact).
// Re-exported by types.ts, so every client module imports shapes from one place.
import type { Confidence, PersonRef, SlugRef } from './types';

export type VersionKind =
  'create' | 'edit' | 'confidence' | 'verify' | 'restore' | 'import' | 'auto';

export interface ArticleVersion {
  version: number;
  kind: VersionKind;
  /** For kind `restore`: the version whose text came back. */
  restoredFrom: number | null;
  /** null for imports and the system's own changes. */
  author: PersonRef | null;
  note: string;
  confidence: Confidence;
  createdAt: string;
}

/** One piece of a word-level diff: unchanged text, or text added or removed. */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export type DiffField =
  | 'title'
  | 'issue'
  | 'environment'
  | 'resolution'
  | 'cause'
  | 'errorCodes'
  | 'products'
  | 'tags'
  | 'audience'
  | 'confidence'
  | 'verifyBy';

export interface ArticleDiff {
  from: number;
  to: number;
  /** Only the fields that changed. */
  fields: { field: DiffField; parts: DiffPart[] }[];
}

export interface Settings {
  fcrWindowDays: number;
  costEscalated: number;
  costFirstContact: number;
  verifyIntervalDays: number;
  failThreshold: number;
  promoteThreshold: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  entity?: string;
  entityId?: number;
  action?: string;
  limit: number;
  offset: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
}

export interface ImpactArticle {
  id: number;
  slug: string;
  title: string;
  departmentSlug: string;
  confidence: Confidence;
  verifyBy: string | null;
  lastVerified: string | null;
  uses: number;
  solves: number;
  failedTries: number;
  escalationsAvoided: number;
  openFlags: number;
  /** solves / uses; null when unused. */
  solveRate: number | null;
}

export interface ImpactData {
  department: SlugRef;
  /** ISO instants, [from, to). */
  period: { from: string; to: string };
  articles: ImpactArticle[];
}
