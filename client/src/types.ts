// Shapes of the server's JSON API (see the API contract). Kept in one place so a
// contract change shows up as type errors everywhere it matters.
import type {
  ArticleSources,
  DiffedFieldName,
  PresentedContent,
  RequiredFieldName,
} from '../../server/contract/articleFields';

export type Role = 'agent' | 'engineer' | 'manager' | 'admin';
export type Audience = 'agents' | 'internal';
export type Confidence = 'wip' | 'not_validated' | 'validated' | 'archived';

export interface DepartmentRef {
  id: number | string;
  slug: string;
  name: string;
}

export interface Department extends DepartmentRef {
  kind: string;
}

export interface User {
  id: number | string;
  email: string;
  name: string;
  role: Role;
  department: DepartmentRef;
}

export interface PersonRef {
  id: number | string;
  name: string;
}

export interface SearchHit {
  id: number;
  slug: string;
  title: string;
  /** Server-escaped HTML containing only <mark> tags. */
  titleHtml: string;
  /** Server-escaped HTML containing only <mark> tags. */
  snippet: string;
  /** Plain text: the first sentence of the issue. */
  issueLine: string;
  /** Plain text: the first (up to 3) resolution steps. */
  steps: string[];
  confidence: Confidence;
  audience: Audience;
  department: string;
  departmentName: string;
  errorCodes: string[];
  products: string[];
  stale: boolean;
  /** Contacts this article solved in the last 30 days. */
  solves30d: number;
  /** Short reasons for the rank, e.g. "Error code match". */
  why: string[];
  score: number;
}

export interface DepartmentFacet {
  slug: string;
  name: string;
  count: number;
}

export interface ProductFacet {
  name: string;
  count: number;
}

export interface SearchFacets {
  departments: DepartmentFacet[];
  products: ProductFacet[];
}

export interface SearchResult {
  query: string;
  total: number;
  tookMs: number;
  hits: SearchHit[];
  facets: SearchFacets;
}

export interface SearchOptions {
  department?: string;
  product?: string;
  /** Records the search in this open contact. */
  contactId?: number;
}

// ---------- Contacts ----------

export type Channel = 'phone' | 'chat' | 'email';
export type Outcome = 'solved' | 'escalated' | 'follow_up';

export interface ArticleRef {
  id: number;
  slug: string;
  title: string;
}

export interface SlugRef {
  slug: string;
  name: string;
}

export interface ContactSearch {
  query: string;
  resultCount: number;
  at: string;
}

export interface Contact {
  id: number;
  channel: Channel;
  customerRef: string | null;
  agent: PersonRef;
  agentDepartment: SlugRef;
  startedAt: string;
  closedAt: string | null;
  outcome: Outcome | null;
  article: (ArticleRef & { department: SlugRef }) | null;
  escalatedTo: SlugRef | null;
  reason: string | null;
  note: string | null;
  needsArticle: boolean;
  tried: ArticleRef[];
  opened: ArticleRef[];
  searches: ContactSearch[];
}

export interface NewContact {
  channel: Channel;
  customerRef?: string;
}

export type CloseContact =
  | { outcome: 'solved'; articleId?: number }
  | { outcome: 'escalated'; department: string; reason: string; needsArticle?: boolean }
  | { outcome: 'follow_up'; note?: string };

// ---------- Flags & queue ----------

export type FlagReason = 'outdated' | 'incorrect' | 'unclear' | 'missing_step';
/** Flags agents raise, plus `failing`: raised by the system when a validated article keeps failing. */
export type QueueFlagReason = FlagReason | 'failing';

export interface NewFlag {
  reason: FlagReason;
  comment: string;
  contactId?: number;
}

export interface Flag {
  id: number;
  article: ArticleRef;
  reason: FlagReason;
  comment: string;
  status: string;
  /** null for flags the system raised. */
  flaggedBy: PersonRef | null;
  contactId: number | null;
  createdAt: string;
}

/** A flag as the queue lists it: agents' flags and the system's `failing` flags. */
export interface QueueFlag extends Omit<Flag, 'reason'> {
  reason: QueueFlagReason;
}

export interface ArticleRequest {
  id: number;
  contactId: number;
  queries: string[];
  reason: string;
  status: string;
  createdAt: string;
  requestedBy: PersonRef;
}

/** "Needs an article" requests about the same thing (same first search), with how many asked. */
export interface RequestGroup {
  key: string;
  queries: string[];
  contacts: number;
  requestIds: number[];
  firstAt: string;
  lastAt: string;
}

export interface QueueArticle {
  id: number;
  slug: string;
  title: string;
  verifyBy: string | null;
  /** Failing articles: "tried, didn't solve" marks in the last 30 days. */
  tries?: number;
}

export interface QueueData {
  department: SlugRef;
  flags: QueueFlag[];
  requests: ArticleRequest[];
  requestGroups: RequestGroup[];
  stale: QueueArticle[];
  failing: QueueArticle[];
}

// ---------- Articles ----------

/** Content fields come from the field catalogue; internal ones are absent for agents. */
export interface Article extends PresentedContent {
  id: number | string;
  slug: string;
  department: DepartmentRef;
  owner: PersonRef | null;
  audience: Audience;
  confidence: Confidence;
  verifyBy: string | null;
  /** Days between verifications; null uses the global setting. */
  verifyIntervalDays: number | null;
  verifiedAt: string | null;
  /** The verifier's name. */
  verifiedBy: string | null;
  stale: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: PersonRef | null;
}

/** Body of POST /api/articles; PATCH takes any subset plus `version`. */
export interface ArticleInput
  extends
    Pick<ArticleSources, RequiredFieldName>,
    Partial<Omit<ArticleSources, RequiredFieldName>> {
  department: string;
  audience?: Audience;
  confidence?: Confidence;
  /** null clears the date on PATCH. */
  verifyBy?: string | null;
  /** null falls back to the global verify interval. */
  verifyIntervalDays?: number | null;
  note?: string;
  /** The "needs an article" requests this article answers, e.g. a queue group (create only). */
  requestIds?: number[];
}

export type ArticlePatch = Partial<Omit<ArticleInput, 'requestIds'>> & { version: number };

// ---------- Versions & diffs ----------

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

export type DiffField = DiffedFieldName | 'audience' | 'confidence' | 'verifyBy';

export interface ArticleDiff {
  from: number;
  to: number;
  /** Only the fields that changed. */
  fields: { field: DiffField; parts: DiffPart[] }[];
}

// ---------- Settings & audit ----------

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

// ---------- Impact ----------

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
