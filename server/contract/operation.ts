import type { z } from 'zod';
import type { Role, TokenScope } from './enums';

/** Who may call an operation: anyone, anyone signed in, or people with one of these roles. */
export type Access = 'public' | 'signedIn' | readonly Role[];

/** What a successful call answers. */
export interface Success {
  status: 200 | 201 | 204 | 303;
  /** `{ data }` (and `meta` when `paged`); absent for 204 and for `raw` bodies */
  data?: z.ZodType;
  paged?: boolean;
  /** answered as is, without the `{ data }` envelope (GET /healthz) */
  raw?: z.ZodType;
  /** also answers `format=csv` as a CSV attachment */
  csv?: boolean;
  /** not JSON: a stream of server-sent events, Prometheus text, a page */
  stream?: 'text/event-stream' | 'text/plain' | 'text/html';
}

/**
 * One route of the API, described by the zod schemas its handler parses with: the OpenAPI
 * document is generated from these, and a test holds this list to the routes Express serves.
 */
export interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI's template: `/api/articles/{id}` */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** API tokens holding this scope may call it too (Authorization: Bearer) */
  scope?: TokenScope;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** the request may carry an Idempotency-Key (a retried write answers as the first did) */
  idempotent?: boolean;
  ok: Success;
  /** error statuses beyond those every such operation can answer (see openapi.ts) */
  errors?: readonly number[];
  description?: string;
}
