import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from './contract/enums';
import { DEFAULT_CONTENT_DIR, ROOT } from './paths';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(3000),
  DATABASE_PATH: z.string().min(1).default('data/firstcall.db'),
  CONTENT_DIR: z.string().min(1).default(DEFAULT_CONTENT_DIR),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: int(1, 7 * 24 * 60).default(8 * 60),
  SESSION_MAX_HOURS: int(1, 30 * 24).default(12),
  LOGIN_MAX_FAILURES: int(1, 1000).default(5),
  LOGIN_WINDOW_MINUTES: int(1, 24 * 60).default(15),
  LOGIN_ADDRESS_MAX_FAILURES: int(1, 100_000).default(30),
  LOCAL_LOGIN: bool.default(true),
  PUBLIC_URL: z
    .url({ message: 'PUBLIC_URL is the address people open, e.g. https://kb.example.com' })
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL looks like smtp://user:pass@host:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Firstcall <firstcall@localhost>'),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  OIDC_DISPLAY_NAME: z.string().min(1).max(60).default('company sign-in'),
  OIDC_SCOPES: z.string().min(1).default('openid email profile'),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_ROLE_MAP: z.string().optional(),
  OIDC_DEPARTMENT_CLAIM: z.string().min(1).optional(),
  OIDC_DEFAULT_DEPARTMENT: z.string().min(1).optional(),
  TRUST_PROXY: z.string().default('false'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'BODY_LIMIT looks like 256kb')
    .default('256kb'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: bool.optional(),
  MFA_REQUIRED: bool.optional(),
  UNDO_SECONDS: int(5, 3600).default(60),
  TOKEN_RATE_LIMIT: int(1, 1_000_000).default(600),
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  WEBHOOK_RETRY_BASE_SECONDS: int(1, 3600).default(30),
  WEBHOOK_TIMEOUT_SECONDS: int(1, 60).default(10),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN is at least 16 characters').optional(),
});

export type Mode = 'development' | 'production' | 'test';

export interface Config {
  readonly mode: Mode;
  readonly host: string;
  readonly port: number;
  readonly databasePath: string;
  readonly contentDir: string;
  /** null: not given; auth/sessionSecret.ts then keeps a generated one with the data */
  readonly sessionSecret: string | null;
  readonly sessionIdleMs: number;
  readonly sessionMaxMs: number;
  readonly loginMaxFailures: number;
  readonly loginWindowMs: number;
  /** failures from one address across every account before it is throttled */
  readonly loginAddressMaxFailures: number;
  /** Passed to Express's `trust proxy`: false, a hop count or a list of addresses/subnets (never true). */
  readonly trustProxy: false | number | string;
  /** Password sign-in; off when the company sign-in is the only way in (CLI break-glass stays). */
  readonly localLogin: boolean;
  /** Where people open the product, for links in invitations; else taken from the request. */
  readonly publicUrl: string | null;
  /** Invitations and reset links are mailed when set; otherwise only shown to the admin. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** The company's OpenID Connect provider, when all four settings are given. */
  readonly oidc: OidcConfig | null;
  readonly bodyLimit: string;
  readonly logLevel: string;
  /** Demo users and demo data. Never in production, whatever the environment says. */
  readonly seedDemo: boolean;
  /** Admins and managers signing in with a password must have a second factor (TOTP). */
  readonly mfaRequired: boolean;
  /** An outcome or tried mark can be taken back this long after it was saved. */
  readonly undoMs: number;
  /** Requests one API token may make per minute (per app node). */
  readonly tokenRateLimit: number;
  readonly webhooks: {
    /** loopback and private addresses may receive webhooks (link-local never may) */
    readonly allowPrivate: boolean;
    readonly retryBaseMs: number;
    readonly timeoutMs: number;
  };
  /** GET /metrics answers only with this bearer token; off (404) when null. */
  readonly metricsToken: string | null;
}

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly displayName: string;
  readonly scopes: string;
  readonly groupsClaim: string;
  /** IdP group → role, e.g. kb-agents=agent */
  readonly roleMap: ReadonlyMap<string, Role>;
  readonly departmentClaim: string | null;
  readonly defaultDepartment: string | null;
}

export class ConfigError extends Error {}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isSubnet = (s: string) => {
  const [ip, bits, ...rest] = s.split('/');
  if (rest.length || !ip || !net.isIP(ip)) return false;
  if (bits === undefined) return true;
  const max = net.isIPv4(ip) ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
};

/**
 * `true` would believe every client's X-Forwarded-For: anyone could choose their address and
 * escape the sign-in throttle, and the audit log would record what they chose. Refused.
 */
function parseTrustProxy(raw: string): { value: false | number | string } | { error: string } {
  if (raw === 'false' || raw === '') return { value: false };
  if (raw === 'true')
    return {
      error:
        "true would believe any client's X-Forwarded-For (anyone could pick their address and escape the sign-in throttle); give the number of proxies in front of Firstcall (e.g. 1) or their addresses (e.g. 10.0.0.0/8, loopback)",
    };
  if (/^\d+$/.test(raw)) return { value: Number(raw) };
  const bad = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => !PROXY_NAMES.has(p) && !isSubnet(p));
  if (bad.length)
    return { error: `not a hop count, address or subnet: ${bad.map((b) => `"${b}"`).join(', ')}` };
  return { value: raw };
}

function parseRoleMap(raw: string | undefined): Map<string, Role> | { error: string } {
  const map = new Map<string, Role>();
  for (const pair of (raw ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [group, role] = pair.split('=').map((p) => p.trim());
    if (!group || !(ROLES as readonly string[]).includes(role ?? ''))
      return { error: `"${pair}" is not group=role (roles: ${ROLES.join(', ')})` };
    map.set(group, role as Role);
  }
  return map;
}

/** Parses the environment once. Throws ConfigError with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // an empty value (`PORT=` in a .env file) means "not set", not zero
  const given = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  const trust = parseTrustProxy(e.TRUST_PROXY.trim());
  if ('error' in trust) problems.push(`  TRUST_PROXY: ${trust.error}`);
  const roleMap = parseRoleMap(e.OIDC_ROLE_MAP);
  if ('error' in roleMap) problems.push(`  OIDC_ROLE_MAP: ${roleMap.error}`);
  const oidcKeys = [
    'OIDC_ISSUER',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
    'OIDC_REDIRECT_URI',
  ] as const;
  const oidcGiven = oidcKeys.filter((k) => e[k] !== undefined);
  if (oidcGiven.length && oidcGiven.length < oidcKeys.length)
    problems.push(
      `  OIDC: set all of ${oidcKeys.join(', ')} (missing ${oidcKeys.filter((k) => e[k] === undefined).join(', ')})`,
    );
  if (oidcGiven.length === oidcKeys.length && !(roleMap instanceof Map && roleMap.size))
    problems.push('  OIDC_ROLE_MAP: required with OIDC, e.g. kb-agents=agent,kb-admins=admin');
  if (!e.LOCAL_LOGIN && oidcGiven.length < oidcKeys.length)
    problems.push('  LOCAL_LOGIN: false needs the company sign-in (OIDC_*) configured');
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: required in production');
  }
  if (e.NODE_ENV === 'production' && e.SEED_DEMO) {
    throw new ConfigError(
      'Invalid configuration:\n  SEED_DEMO: demo users are never created in production',
    );
  }
  return Object.freeze({
    mode: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databasePath:
      e.DATABASE_PATH === ':memory:' ? e.DATABASE_PATH : path.resolve(ROOT, e.DATABASE_PATH),
    contentDir: path.resolve(ROOT, e.CONTENT_DIR),
    sessionSecret: e.SESSION_SECRET ?? null,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowMs: e.LOGIN_WINDOW_MINUTES * 60_000,
    loginAddressMaxFailures: e.LOGIN_ADDRESS_MAX_FAILURES,
    trustProxy: (trust as { value: false | number | string }).value,
    localLogin: e.LOCAL_LOGIN,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    oidc:
      oidcGiven.length === oidcKeys.length
        ? Object.freeze({
            issuer: e.OIDC_ISSUER!,
            clientId: e.OIDC_CLIENT_ID!,
            clientSecret: e.OIDC_CLIENT_SECRET!,
            redirectUri: e.OIDC_REDIRECT_URI!,
            displayName: e.OIDC_DISPLAY_NAME,
            scopes: e.OIDC_SCOPES,
            groupsClaim: e.OIDC_GROUPS_CLAIM,
            roleMap: roleMap as Map<string, Role>,
            departmentClaim: e.OIDC_DEPARTMENT_CLAIM ?? null,
            defaultDepartment: e.OIDC_DEFAULT_DEPARTMENT ?? null,
          })
        : null,
    bodyLimit: e.BODY_LIMIT,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.NODE_ENV === 'production' ? false : (e.SEED_DEMO ?? e.NODE_ENV === 'development'),
    mfaRequired: e.MFA_REQUIRED ?? e.NODE_ENV === 'production',
    undoMs: e.UNDO_SECONDS * 1000,
    tokenRateLimit: e.TOKEN_RATE_LIMIT,
    webhooks: Object.freeze({
      allowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_SECONDS * 1000,
      timeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
    }),
    metricsToken: e.METRICS_TOKEN ?? null,
  });
}
