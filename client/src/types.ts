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
  id: number | string;
  slug: string;
  title: string;
  /** Server-escaped HTML containing only <mark> tags. */
  snippet: string;
  confidence: Confidence;
  audience: Audience;
  department: string;
  departmentName: string;
  errorCodes: string[];
  products: string[];
  stale: boolean;
  score: number;
}

export interface SearchResult {
  query: string;
  total: number;
  tookMs: number;
  hits: SearchHit[];
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
