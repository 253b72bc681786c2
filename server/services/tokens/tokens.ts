import crypto from 'node:crypto';
import type { TokenScope } from '../../contract/enums';
import type { TokenCreate } from '../../contract/tokens';
import type { Database } from '../../db/connection';
import type { Actor } from '../../domain/roles';
import { notFound } from '../../errors';
import * as tokens from '../../stores/apiTokens';
import { insertAudit } from '../../stores/audit';

/** `fc_` and 43 base64url characters: 256 random bits, recognisable in a leaked file or log. */
export const TOKEN_PATTERN = /^fc_[A-Za-z0-9_-]{43}$/;
const DAY_MS = 86_400_000;
/** last_used_at is written at most this often per token: not once per phone call. */
const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export type TokenStatus = 'active' | 'expired' | 'revoked';
export const tokenStatus = (t: tokens.ApiTokenRow, now = new Date()): TokenStatus =>
  t.revokedAt !== null ? 'revoked' : t.expiresAt <= now.toISOString() ? 'expired' : 'active';

/** A new token; its secret is returned this once and only its hash is kept. */
export async function createToken(db: Database, actor: Actor, input: TokenCreate) {
  const token = `fc_${crypto.randomBytes(32).toString('base64url')}`;
  const now = new Date();
  const id = await db.transaction(async (tx) => {
    const id = await tokens.insertApiToken(tx, {
      name: input.name,
      tokenHash: hashToken(token),
      hint: token.slice(-4),
      scopes: input.scopes,
      createdBy: actor.id,
      at: now.toISOString(),
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
    });
    await insertAudit(tx, {
      actorId: actor.id,
      action: 'token.created',
      entity: 'token',
      entityId: id,
      detail: { name: input.name, scopes: input.scopes, expiresInDays: input.expiresInDays },
    });
    return id;
  });
  return { row: (await tokens.findApiToken(db, id))!, token };
}

export const listTokens = (db: Database) => tokens.listApiTokens(db.reads);

/** Revoked at once: the next request with it is a 401. Revoking twice changes nothing. */
export async function revokeToken(db: Database, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const token = await tokens.findApiToken(tx, id);
    if (!token) throw notFound('Token');
    if (!(await tokens.revokeApiToken(tx, id, actor.id, new Date().toISOString()))) return;
    await insertAudit(tx, {
      actorId: actor.id,
      action: 'token.revoked',
      entity: 'token',
      entityId: id,
      detail: { name: token.name },
    });
  });
}

export interface AuthenticatedToken {
  id: number;
  name: string;
  scopes: readonly TokenScope[];
}

/**
 * The token a bearer secret belongs to, if it is active; null for anything else (malformed,
 * unknown, expired, revoked), so a caller cannot tell which.
 */
export class TokenAuthenticator {
  private readonly touched = new Map<number, number>();
  constructor(private readonly db: Database) {}

  async authenticate(secret: string): Promise<AuthenticatedToken | null> {
    if (!TOKEN_PATTERN.test(secret)) return null;
    const hash = hashToken(secret);
    const row = await tokens.findApiTokenByHash(this.db.reads, hash);
    // the lookup is by hash; the comparison says so in constant time all the same
    if (!row || !crypto.timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(hash))) return null;
    const now = new Date();
    if (tokenStatus(row, now) !== 'active') return null;
    if (now.getTime() - (this.touched.get(row.id) ?? 0) >= TOUCH_EVERY_MS) {
      this.touched.set(row.id, now.getTime());
      await tokens.touchApiToken(this.db, row.id, now.toISOString());
    }
    return { id: row.id, name: row.name, scopes: row.scopes };
  }
}
