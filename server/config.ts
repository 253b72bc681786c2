import path from 'node:path';
import { z } from 'zod';
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
  TRUST_PROXY: z.string().default('false'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'BODY_LIMIT looks like 256kb')
    .default('256kb'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: bool.optional(),
  MFA_REQUIRED: bool.optional(),
  UNDO_SECONDS: int(5, 3600).default(60),
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
  /** Passed to Express's `trust proxy` setting: false, true, a hop count or a list of addresses. */
  readonly trustProxy: boolean | number | string;
  readonly bodyLimit: string;
  readonly logLevel: string;
  /** Demo users and demo data. Never in production, whatever the environment says. */
  readonly seedDemo: boolean;
  /** Admins and managers signing in with a password must have a second factor (TOTP). */
  readonly mfaRequired: boolean;
  /** An outcome or tried mark can be taken back this long after it was saved. */
  readonly undoMs: number;
}

export class ConfigError extends Error {}

function parseTrustProxy(raw: string): boolean | number | string {
  if (raw === 'true') return true;
  if (raw === 'false' || raw === '') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw; // e.g. "loopback" or "10.0.0.1, 10.0.0.2": Express parses these itself.
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
    trustProxy: parseTrustProxy(e.TRUST_PROXY.trim()),
    bodyLimit: e.BODY_LIMIT,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.NODE_ENV === 'production' ? false : (e.SEED_DEMO ?? e.NODE_ENV === 'development'),
    mfaRequired: e.MFA_REQUIRED ?? e.NODE_ENV === 'production',
    undoMs: e.UNDO_SECONDS * 1000,
  });
}
