// Shapes of the server's JSON API (see the API contract). Kept in one place so a
// contract change shows up as type errors everywhere it matters.

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
  createdAt: string;
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

export interface QueueData {
  flags: Flag[];
  requests: ArticleRequest[];
}

export interface Article {
  id: number | string;
  slug: string;
  title: string;
  issue: string;
  issueHtml: string;
  environment: string;
  environmentHtml: string;
  resolution: string;
  resolutionHtml: string;
  /** Absent for agents. */
  cause?: string;
  causeHtml?: string;
  errorCodes: string[];
  products: string[];
  tags: string[];
  department: DepartmentRef;
  owner: PersonRef | null;
  audience: Audience;
  confidence: Confidence;
  verifyBy: string | null;
  stale: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: PersonRef | null;
}

/** Body of POST /api/articles; PATCH takes any subset plus `version`. */
export interface ArticleInput {
  title: string;
  issue: string;
  environment?: string;
  resolution?: string;
  cause?: string;
  errorCodes?: string[];
  products?: string[];
  tags?: string[];
  department: string;
  audience?: Audience;
  confidence?: Confidence;
  /** null clears the date on PATCH. */
  verifyBy?: string | null;
  note?: string;
}

export type ArticlePatch = Partial<ArticleInput> & { version: number };
