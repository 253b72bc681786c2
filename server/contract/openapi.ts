import { z } from 'zod';
import { WEBHOOK_EVENTS } from './enums';
import { ERROR_IDS } from './errors';
import { webhookEnvelope } from './webhooks';
import { pageMeta } from './refs';
import type { Operation } from './operation';

type Json = Record<string, unknown>;

/** JSON Schema 2020-12 (OpenAPI 3.1's own dialect) of a zod schema, as sent or as answered. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Json;
  return rest;
}

const errorBody = z.strictObject({
  error: z.strictObject({
    id: z.enum(ERROR_IDS),
    message: z.string(),
    field: z.string().optional(),
  }),
});

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request: validation failed (the error names the field), unreadable body or address',
  401: 'Not signed in, or the token is unknown, expired or revoked',
  403: 'Not allowed: role, token scope, CSRF token, origin, or second factor not set up',
  404: 'Not found (or not visible to you)',
  409: 'Conflict with the current state',
  422: 'The Idempotency-Key was used for a different request',
  413: 'Body too large',
  415: 'Body charset or encoding not supported (send UTF-8 JSON, plain or gzip)',
  429: 'Too many requests (Retry-After says when to try again)',
  503: 'Unavailable',
};

/** The error statuses an operation can answer: those of its kind, and its own. */
export function errorStatuses(op: Operation): number[] {
  const s = new Set<number>(op.errors ?? []);
  const api = op.path.startsWith('/api/');
  if (api) s.add(400); // a malformed address or a token in the query string, on any route
  if (op.body) s.add(413).add(415);
  if (op.access !== 'public') s.add(401);
  // 403 on any route: a signed-in admin or manager without the required second factor
  if (api) s.add(403);
  if (op.idempotent) s.add(409).add(422); // an Idempotency-Key in use, or reused for another body
  if (op.params) s.add(404);
  if (op.scope) s.add(429);
  return [...s].sort((a, b) => a - b);
}

function parameters(op: Operation): Json[] {
  const out: Json[] = [];
  const from = (schema: z.ZodType, where: 'path' | 'query') => {
    const s = schemaOf(schema, 'input') as {
      properties?: Record<string, Json>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(s.properties ?? {}))
      out.push({
        name,
        in: where,
        required: where === 'path' || (s.required ?? []).includes(name),
        schema: property,
      });
  };
  if (op.params) from(op.params, 'path');
  if (op.query) from(op.query, 'query');
  if (op.idempotent)
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Retrying with the same key answers as the first request did, without doing it twice',
      schema: { type: 'string', minLength: 8, maxLength: 200 },
    });
  return out;
}

function success(op: Operation): Json {
  const { ok } = op;
  if (ok.status === 204) return { description: 'Done, nothing to answer' };
  if (ok.status === 303) return { description: 'A redirect (Location)' };
  if (ok.stream)
    return { description: 'A stream', content: { [ok.stream]: { schema: { type: 'string' } } } };
  const body = ok.raw
    ? schemaOf(ok.raw, 'output')
    : {
        type: 'object',
        properties: {
          data: schemaOf(ok.data!, 'output'),
          ...(ok.paged && { meta: schemaOf(pageMeta, 'output') }),
        },
        required: ok.paged ? ['data', 'meta'] : ['data'],
        additionalProperties: false,
      };
  return {
    description: 'Success',
    content: {
      'application/json': { schema: body },
      ...(ok.csv && { 'text/csv': { schema: { type: 'string' } } }),
    },
  };
}

function security(op: Operation): Json[] {
  if (op.access === 'public') return [];
  const session = op.method === 'get' ? { session: [] } : { session: [], csrf: [] };
  return op.scope ? [session, { bearer: [op.scope] }] : [session];
}

const who = (op: Operation) =>
  op.access === 'public'
    ? 'Anyone.'
    : op.access === 'signedIn'
      ? 'Anyone signed in.'
      : `Roles: ${op.access.join(', ')}.`;

/** The OpenAPI 3.1 document of `operations`. */
export function openApiDocument(operations: readonly Operation[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of operations) {
    const responses: Json = { [op.ok.status]: success(op) };
    if (op.path === '/api/contacts' && op.method === 'post')
      responses[200] = { ...success(op), description: 'Already opened with this externalId' };
    for (const status of errorStatuses(op))
      responses[status] = { $ref: `#/components/responses/E${status}` };
    const body = op.body && schemaOf(op.body, 'input');
    (paths[op.path] ??= {})[op.method] = {
      operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      tags: [op.tag],
      summary: op.summary,
      description: [op.description, who(op), op.scope && `API tokens with the ${op.scope} scope.`]
        .filter(Boolean)
        .join('\n\n'),
      parameters: parameters(op),
      ...(body && {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: body } },
        },
      }),
      responses,
      security: security(op),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Firstcall API',
      version,
      description:
        'The knowledge base agents search during a live call. Browsers sign in with a session cookie and send the CSRF token (GET /api/auth/csrf) as X-CSRF-Token on every change; other systems send an API token as `Authorization: Bearer fc_…`. Every answer is `{ data }` (lists add `meta`), every error `{ error: { id, message, field? } }`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    webhooks: Object.fromEntries(
      WEBHOOK_EVENTS.map((event) => [
        event,
        {
          post: {
            summary: `${event}, posted to every webhook subscribed to it`,
            description:
              'Signed: X-Firstcall-Signature is `sha256=` and the hex HMAC-SHA256, keyed with the webhook secret, of "<X-Firstcall-Timestamp>.<body>". Refuse a timestamp more than 5 minutes old. X-Firstcall-Event-Id is the same on every redelivery of an event. Answer 2xx within 10 s, or it is retried with backoff for 24 hours.',
            parameters: [
              'X-Firstcall-Signature',
              'X-Firstcall-Timestamp',
              'X-Firstcall-Event',
              'X-Firstcall-Event-Id',
              'X-Firstcall-Delivery',
            ].map((name) => ({ name, in: 'header', required: true, schema: { type: 'string' } })),
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: schemaOf(webhookEnvelope(event), 'output') },
              },
            },
            responses: { 200: { description: 'Received (any 2xx)' } },
          },
        },
      ]),
    ),
    components: {
      schemas: { Error: schemaOf(errorBody, 'output') },
      responses: Object.fromEntries(
        Object.entries(STATUS_TEXT).map(([status, description]) => [
          `E${status}`,
          {
            description,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        ]),
      ),
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'firstcall.sid',
          description: 'The browser session (POST /api/auth/login)',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: 'Required with the session on every change',
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'fc_…',
          description: 'An API token an admin created; its scopes say which routes it may call',
        },
      },
    },
  };
}
