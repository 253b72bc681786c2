/**
 * The words of the wire contract that server, client and tests share. Plain `as const` lists:
 * zod schemas take them with z.enum, the client renders them, TypeScript derives the unions.
 */
export const ROLES = ['agent', 'engineer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** KCS states (DESIGN §2). */
export const CONFIDENCES = ['wip', 'not_validated', 'validated', 'archived'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Who an article is written for: agents may read `agents` articles only. */
export const AUDIENCES = ['agents', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** As people read them (the history's diff, the confidence steps), never the enum itself. */
export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  wip: 'Work in progress',
  not_validated: 'Not validated',
  validated: 'Validated',
  archived: 'Archived',
};
export const AUDIENCE_LABELS: Record<Audience, string> = {
  agents: 'Agents',
  internal: 'Internal (engineers only)',
};

/** Frontline departments take contacts; engineering departments own fixes and queues. */
export const DEPARTMENT_KINDS = ['frontline', 'engineering'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const CHANNELS = ['phone', 'chat', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOMES = ['solved', 'escalated', 'follow_up'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const FLAG_REASONS = ['outdated', 'incorrect', 'unclear', 'missing_step'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** Why a version of an article exists. */
export const VERSION_KINDS = [
  'create',
  'edit',
  'confidence',
  'verify',
  'restore',
  'import',
  'auto',
] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** What an API token may do; each route that takes tokens names the one it needs. */
export const TOKEN_SCOPES = [
  'contacts:write',
  'contacts:read',
  'search:read',
  'articles:read',
  'stats:read',
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What a webhook can be told. `request.created` is an escalation that asks for an article. */
export const WEBHOOK_EVENTS = [
  'contact.closed',
  'contact.escalated',
  'request.created',
  'article.published',
  'article.validated',
  'article.flagged',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
