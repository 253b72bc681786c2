// The one place that talks to the server: JSON in/out, CSRF handling, error shape; then the
// endpoints: `api` for everyone, `engineerApi` for engineers and admins. Every shape is the
// server's contract (server/contract), so a change there is a type error here.
import type {
  Article,
  ArticleDiff,
  ArticleInput,
  ArticlePatch,
  ArticleVersion,
  AuditEntry,
  CloseContact,
  ConfidenceChange,
  Contact,
  Department,
  DepartmentCreate,
  DepartmentUpdate,
  ErrorId,
  Flag,
  ImpactData,
  LoginResponse,
  Me,
  InviteResult,
  InviteUser,
  PasswordLinkInfo,
  Providers,
  ResetResult,
  SessionInfo,
  UserDetail,
  UserUpdate,
  MfaEnrolment,
  MfaStatusData,
  NewContact,
  NewFlag,
  QueueData,
  RestoreInput,
  SearchOptions,
  SearchResult,
  Settings,
  VerifyInput,
  ApiToken,
  TokenCreate,
  Webhook,
  WebhookCreate,
  WebhookDelivery,
} from '../../server/contract/types';
import { reportReachable } from './reachability';

// ---------- Errors ----------

/**
 * Ids the client makes up itself: no answer at all, an answer without the error shape, a
 * role that logs no contacts, anything else thrown.
 */
type ClientErrorId = 'network_error' | `http_${number}` | 'contacts_disabled' | 'error';

/** A failed API call, carrying the server's `{ error: { id, message, field } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: ErrorId | ClientErrorId,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** True for fetches cancelled through an AbortSignal: callers ignore these silently. */
export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

/** 502–504: a proxy answered for a server it could not reach. */
const GATEWAY_DOWN = new Set([502, 503, 504]);

/** No answer from the server (network error, 502–504): the same request may succeed later. */
export function isUnreachable(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 0 || GATEWAY_DOWN.has(err.status));
}

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Something went wrong. Please try again.';
}

// ---------- Transport: requests, CSRF token, session loss ----------

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Don't trigger the global "go to /login" on 401: for /me a 401 is simply the answer,
   * and the article form must not be torn down (losing the user's text) mid-save.
   */
  quiet401?: boolean;
  /** Sent as `Idempotency-Key`: a retry of the same contact action reuses it (server dedupes). */
  idempotencyKey?: string;
}

let csrfToken: string | null = null;
let csrfPending: Promise<string> | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Called when any request finds the session gone, so the app can send the user to /login. */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

async function getCsrfToken(forceFresh: boolean): Promise<string> {
  if (csrfToken && !forceFresh) return csrfToken;
  // Concurrent writes share one token request instead of racing each other.
  csrfPending ??= request<{ token: string }>('/api/auth/csrf')
    .then((d) => (csrfToken = d.token))
    .finally(() => (csrfPending = null));
  return csrfPending;
}

/** Warm the token before the user submits, so the first POST costs one round trip. */
export function prefetchCsrf(): void {
  getCsrfToken(false).catch(() => {
    /* retried on the real request */
  });
}

async function readBody(res: Response): Promise<unknown> {
  const type = res.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await res.json();
  } catch (err) {
    if (isAbort(err)) throw err;
    return null;
  }
}

function toApiError(res: Response, body: unknown): ApiError {
  const e = (body as { error?: { id?: unknown; message?: unknown; field?: unknown } } | null)
    ?.error;
  if (e && typeof e.id === 'string') {
    const message = typeof e.message === 'string' && e.message ? e.message : defaultMessage(res);
    return new ApiError(
      res.status,
      e.id as ErrorId,
      message,
      typeof e.field === 'string' ? e.field : undefined,
    );
  }
  // Proxies and crashes answer with HTML or nothing; still give the user a sentence.
  return new ApiError(res.status, `http_${res.status}`, defaultMessage(res));
}

function defaultMessage(res: Response): string {
  if (res.status >= 500) return 'The server had a problem. Please try again in a moment.';
  if (res.status === 404) return 'Not found.';
  return `Request failed (${res.status}).`;
}

/** A page of a list, and how many rows the whole list has. */
export interface Page<T> {
  rows: T[];
  total: number;
}

/** The whole success body: `data`, and `meta` on lists (e.g. `{ total, limit, offset }`). */
export interface Envelope<T> {
  data: T;
  meta?: { total?: number; limit?: number; offset?: number };
}

/** GET/POST/PATCH one endpoint and return its `data`. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  return (await requestEnvelope<T>(path, opts)).data;
}

export async function requestEnvelope<T>(
  path: string,
  opts: RequestOptions = {},
): Promise<Envelope<T>> {
  const method = opts.method ?? 'GET';
  const isWrite = method !== 'GET';
  // A write rejected for a stale CSRF token (e.g. the session was regenerated in another
  // tab) is retried once with a fresh token; the server rejected it before acting on it.
  let sentWith: string | null = null;
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (isWrite) {
      headers['Content-Type'] = 'application/json';
      // a retry takes a fresh token, unless another request already fetched one since this was
      // sent: fetching again would open yet another session and void that one's token
      const refreshed = attempt > 0 && csrfToken !== null && csrfToken !== sentWith;
      sentWith = await getCsrfToken(attempt > 0 && !refreshed);
      headers['X-CSRF-Token'] = sentWith;
      if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    }
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: isWrite ? JSON.stringify(opts.body ?? {}) : undefined,
        signal: opts.signal,
      });
    } catch (err) {
      if (isAbort(err)) throw err;
      reportReachable(false);
      throw new ApiError(
        0,
        'network_error',
        "Can't reach the server. Check your connection and try again.",
      );
    }
    const body = await readBody(res);
    reportReachable(!GATEWAY_DOWN.has(res.status));
    // 204 No Content (e.g. resolving a queue item) has no body: there is no data to return.
    if (res.ok) return (body as Envelope<T> | null) ?? { data: undefined as T };

    const err = toApiError(res, body);
    if (isWrite && res.status === 403 && err.id === 'csrf_invalid' && attempt === 0) continue;
    if (res.status === 401 && err.id === 'unauthenticated' && !opts.quiet401) onUnauthenticated?.();
    throw err;
  }
}

// ---------- Endpoints: sign-in, search, contacts, flags, queue, articles ----------

export function articlePath(slug: string): string {
  return `/api/articles/${encodeURIComponent(slug)}`;
}

export const api = {
  /** Who is signed in, and whether they must set up two-step sign-in first. */
  me: () => request<Me>('/api/auth/me', { quiet401: true }),

  /** The password step: signed in, or `{ mfaRequired }` when a code must follow (verifyMfa). */
  async login(email: string, password: string): Promise<Me | { mfaRequired: true }> {
    const d = await request<LoginResponse>('/api/auth/login', {
      method: 'POST',
      body: { email, password },
    });
    // The session was regenerated: the old token is dead. Without a new one, fetch lazily.
    csrfToken = d.csrfToken ?? null;
    if ('mfaRequired' in d) return { mfaRequired: true };
    return {
      user: d.user,
      mfaEnrolmentRequired: d.mfaEnrolmentRequired,
      signInMethod: d.signInMethod,
    };
  },

  /** The second step: a code from the authenticator app, or a recovery code. */
  async verifyMfa(code: string): Promise<Me> {
    const d = await request<LoginResponse>('/api/auth/mfa/verify', {
      method: 'POST',
      body: { code },
    });
    csrfToken = d.csrfToken ?? null;
    if ('mfaRequired' in d) throw new ApiError(500, 'error', 'The sign-in did not finish.');
    return {
      user: d.user,
      mfaEnrolmentRequired: d.mfaEnrolmentRequired,
      signInMethod: d.signInMethod,
    };
  },

  mfaStatus: () => request<MfaStatusData>('/api/auth/mfa'),
  mfaEnrol: () => request<MfaEnrolment>('/api/auth/mfa/enrol', { method: 'POST' }),
  mfaConfirm: (code: string) =>
    request<{ recoveryCodes: string[] }>('/api/auth/mfa/confirm', {
      method: 'POST',
      body: { code },
    }),

  /** Signs out; with the company's sign-in, returns its sign-out address to open next. */
  async logout(): Promise<string | null> {
    const d = await request<{ csrfToken?: string; endSessionUrl?: string }>('/api/auth/logout', {
      method: 'POST',
    });
    csrfToken = d.csrfToken ?? null;
    return d.endSessionUrl ?? null;
  },

  /** How the sign-in page offers to sign in: a password, the company's sign-in, or both. */
  providers: () => request<Providers>('/api/auth/providers', { quiet401: true }),

  /** Whose invitation or reset link this is (400 password_link_invalid when spent or expired). */
  passwordLink: (token: string) =>
    request<PasswordLinkInfo>(`/api/auth/set-password?${new URLSearchParams({ token })}`, {
      quiet401: true,
    }),

  /** Sets the password from a link and signs in (or asks for the second factor next). */
  async setPassword(token: string, password: string): Promise<Me | { mfaRequired: true }> {
    const d = await request<LoginResponse>('/api/auth/set-password', {
      method: 'POST',
      body: { token, password },
      quiet401: true,
    });
    csrfToken = d.csrfToken ?? null;
    if ('mfaRequired' in d) return { mfaRequired: true };
    return {
      user: d.user,
      mfaEnrolmentRequired: d.mfaEnrolmentRequired,
      signInMethod: d.signInMethod,
    };
  },

  /** Your own password: other sessions end; this one continues under a new id. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const d = await request<LoginResponse>('/api/auth/password', {
      method: 'POST',
      body: { currentPassword, newPassword },
    });
    csrfToken = d.csrfToken ?? null;
  },

  sessions: (signal?: AbortSignal) => request<SessionInfo[]>('/api/auth/sessions', { signal }),
  endOtherSessions: () =>
    request<{ ended: number }>('/api/auth/sessions/end-others', { method: 'POST' }),

  departments: (signal?: AbortSignal) => request<Department[]>('/api/departments', { signal }),

  search(q: string, opts: SearchOptions = {}, signal?: AbortSignal): Promise<SearchResult> {
    const params = new URLSearchParams({ q, limit: '20' });
    if (opts.department) params.set('department', opts.department);
    if (opts.product) params.set('product', opts.product);
    if (opts.contactId !== undefined) params.set('contactId', String(opts.contactId));
    return request<SearchResult>(`/api/search?${params}`, { signal });
  },

  createContact: (body: NewContact, idempotencyKey?: string) =>
    request<Contact>('/api/contacts', { method: 'POST', body, idempotencyKey }),

  /** Your own contacts, newest first. */
  contacts(status: 'open' | 'closed', limit: number, signal?: AbortSignal): Promise<Contact[]> {
    const params = new URLSearchParams({ status, limit: String(limit) });
    return request<Contact[]>(`/api/contacts?${params}`, { signal });
  },

  contact: (id: number, signal?: AbortSignal) =>
    request<Contact>(`/api/contacts/${id}`, { signal }),

  closeContact: (id: number, body: CloseContact, idempotencyKey?: string) =>
    request<Contact>(`/api/contacts/${id}/close`, { method: 'POST', body, idempotencyKey }),

  /** "Tried, didn't solve": the contact stays open. */
  markTried: (id: number, articleId: number, idempotencyKey?: string) =>
    request<Contact>(`/api/contacts/${id}/tried`, {
      method: 'POST',
      body: { articleId },
      idempotencyKey,
    }),

  markOpened: (id: number, articleId: number, idempotencyKey?: string) =>
    request<Contact>(`/api/contacts/${id}/opened`, {
      method: 'POST',
      body: { articleId },
      idempotencyKey,
    }),

  /** Takes back the contact's latest outcome or tried mark (within the server's undo window). */
  undoContact: (id: number, idempotencyKey?: string) =>
    request<Contact>(`/api/contacts/${id}/undo`, { method: 'POST', body: {}, idempotencyKey }),

  flagArticle: (slug: string, body: NewFlag) =>
    request<Flag>(`${articlePath(slug)}/flags`, { method: 'POST', body }),

  queue: (department: string, signal?: AbortSignal) =>
    request<QueueData>(`/api/queue/${encodeURIComponent(department)}`, { signal }),

  article: (slug: string, signal?: AbortSignal) => request<Article>(articlePath(slug), { signal }),

  createArticle: (body: ArticleInput) =>
    request<Article>('/api/articles', { method: 'POST', body, quiet401: true }),

  updateArticle: (slug: string, body: ArticlePatch) =>
    request<Article>(articlePath(slug), { method: 'PATCH', body, quiet401: true }),
};

// ---------- Engineers' and admins' endpoints ----------

/** The audit log's filters as the page holds them (empty means any). */
export interface AuditQuery {
  entity?: string;
  entityId?: number;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

function auditParams(f: Partial<AuditQuery> & { format?: 'csv' }): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['entity', 'entityId', 'action', 'from', 'to', 'format'] as const) {
    const v = f[key];
    if (v !== undefined && v !== '') params.set(key, String(v));
  }
  return params;
}

/** Preview, review, versions, verification, the department queue, settings, audit, impact. */
/** The admin's list of people, as the page filters it (empty means any). */
export interface UserQuery {
  q: string;
  role: string;
  department: string;
  active: '' | 'true' | 'false';
  offset: number;
}
export const USERS_PAGE = 50;

export const usersApi = {
  async list(f: UserQuery, signal?: AbortSignal): Promise<Page<UserDetail>> {
    const params = new URLSearchParams({ limit: String(USERS_PAGE), offset: String(f.offset) });
    for (const k of ['q', 'role', 'department', 'active'] as const) if (f[k]) params.set(k, f[k]);
    const body = await requestEnvelope<UserDetail[]>(`/api/users?${params}`, { signal });
    return { rows: body.data, total: body.meta?.total ?? body.data.length };
  },
  invite: (body: InviteUser) => request<InviteResult>('/api/users', { method: 'POST', body }),
  update: (id: number, body: UserUpdate) =>
    request<UserDetail>(`/api/users/${id}`, { method: 'PATCH', body }),
  resetPassword: (id: number) =>
    request<ResetResult>(`/api/users/${id}/password-reset`, { method: 'POST' }),
  sessions: (id: number, signal?: AbortSignal) =>
    request<SessionInfo[]>(`/api/users/${id}/sessions`, { signal }),
  endSessions: (id: number) =>
    request<{ ended: number }>(`/api/users/${id}/sessions`, { method: 'DELETE' }),
  resetMfa: (id: number) => request<void>(`/api/users/${id}/mfa-reset`, { method: 'POST' }),
};

/** API tokens and webhooks: the integrations page (admins). */
export const integrationsApi = {
  tokens: (signal?: AbortSignal) => request<ApiToken[]>('/api/tokens', { signal }),
  createToken: (body: TokenCreate) =>
    request<ApiToken & { token: string }>('/api/tokens', { method: 'POST', body }),
  revokeToken: (id: number) => request<void>(`/api/tokens/${id}`, { method: 'DELETE' }),
  webhooks: (signal?: AbortSignal) => request<Webhook[]>('/api/webhooks', { signal }),
  createWebhook: (body: WebhookCreate) =>
    request<Webhook & { secret: string }>('/api/webhooks', { method: 'POST', body }),
  removeWebhook: (id: number) => request<void>(`/api/webhooks/${id}`, { method: 'DELETE' }),
  deliveries: (id: number, signal?: AbortSignal) =>
    request<WebhookDelivery[]>(`/api/webhooks/${id}/deliveries?limit=20`, { signal }),
  redeliver: (id: number, deliveryId: number) =>
    request<WebhookDelivery>(`/api/webhooks/${id}/deliveries/${deliveryId}/redeliver`, {
      method: 'POST',
    }),
};

export const engineerApi = {
  /** Markdown → sanitized HTML, by the renderer and sanitizer the server saves with. */
  preview: (markdown: string, signal?: AbortSignal) =>
    request<{ html: string }>('/api/preview', {
      method: 'POST',
      body: { markdown },
      signal,
      quiet401: true, // never tear the editor down (and the text with it) over a preview
    }).then((d) => d.html),

  versions: (slug: string, signal?: AbortSignal) =>
    request<ArticleVersion[]>(`${articlePath(slug)}/versions`, { signal }),

  diff(slug: string, from: number, to: number, signal?: AbortSignal): Promise<ArticleDiff> {
    const params = new URLSearchParams({ from: String(from), to: String(to) });
    return request<ArticleDiff>(`${articlePath(slug)}/diff?${params}`, { signal });
  },

  /** A KCS step (submit, validate, back to draft, archive, restore): a new version. */
  changeConfidence: (slug: string, body: ConfidenceChange) =>
    request<Article>(`${articlePath(slug)}/confidence`, { method: 'POST', body }),

  verify: (slug: string, body: VerifyInput) =>
    request<Article>(`${articlePath(slug)}/verify`, { method: 'POST', body }),

  /** The text of version `from`, saved as a new version on top of `version`. */
  restore: (slug: string, body: RestoreInput) =>
    request<Article>(`${articlePath(slug)}/restore`, { method: 'POST', body }),

  resolveQueueItem: (kind: 'flags' | 'requests', id: number, note: string) =>
    request<void>(`/api/queue/${kind}/${id}/resolve`, { method: 'POST', body: { note } }),

  settings: (signal?: AbortSignal) => request<Settings>('/api/settings', { signal }),

  createDepartment: (body: DepartmentCreate) =>
    request<Department>('/api/departments', { method: 'POST', body }),

  updateDepartment: (slug: string, body: DepartmentUpdate) =>
    request<Department>(`/api/departments/${encodeURIComponent(slug)}`, { method: 'PATCH', body }),

  updateSettings: (changes: Partial<Settings>) =>
    request<Settings>('/api/settings', { method: 'PATCH', body: changes }),

  async audit(filter: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEntry>> {
    const params = auditParams(filter);
    params.set('limit', String(filter.limit));
    params.set('offset', String(filter.offset));
    const body = await requestEnvelope<AuditEntry[]>(`/api/audit?${params}`, { signal });
    return { rows: body.data, total: body.meta?.total ?? body.data.length };
  },

  /** The same filters as one CSV download (every matching entry, not a page). */
  auditCsvUrl: (filter: Omit<AuditQuery, 'limit' | 'offset'>) =>
    `/api/audit?${auditParams({ ...filter, format: 'csv' })}`,

  impact(department: string, range: { from?: string; to?: string }, signal?: AbortSignal) {
    const params = new URLSearchParams();
    if (range.from) params.set('from', range.from);
    if (range.to) params.set('to', range.to);
    const qs = params.toString() ? `?${params}` : '';
    return request<ImpactData>(`/api/departments/${encodeURIComponent(department)}/impact${qs}`, {
      signal,
    });
  },
};
