import type { Queryable } from '../db/connection';
import type { TokenScope } from '../contract/enums';

export interface ApiTokenRow {
  id: number;
  name: string;
  tokenHash: string;
  hint: string;
  scopes: TokenScope[];
  createdAt: string;
  createdById: number | null;
  createdByName: string | null;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const SELECT = `SELECT t.id, t.name, t.token_hash AS tokenHash, t.hint, t.scopes,
  t.created_at AS createdAt, t.created_by AS createdById, u.name AS createdByName,
  t.expires_at AS expiresAt, t.last_used_at AS lastUsedAt, t.revoked_at AS revokedAt
  FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by`;

const withScopes = (r: (Omit<ApiTokenRow, 'scopes'> & { scopes: string }) | undefined) =>
  r && ({ ...r, scopes: r.scopes.split(' ') as TokenScope[] } satisfies ApiTokenRow);

export async function insertApiToken(
  db: Queryable,
  t: {
    name: string;
    tokenHash: string;
    hint: string;
    scopes: readonly TokenScope[];
    createdBy: number | null;
    at: string;
    expiresAt: string;
  },
): Promise<number> {
  const { lastID } = await db.run(
    `INSERT INTO api_tokens (name, token_hash, hint, scopes, created_by, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [t.name, t.tokenHash, t.hint, t.scopes.join(' '), t.createdBy, t.at, t.expiresAt],
  );
  return lastID;
}

export const findApiToken = async (db: Queryable, id: number) =>
  withScopes(await db.get(`${SELECT} WHERE t.id = ?`, [id]));

export const findApiTokenByHash = async (db: Queryable, tokenHash: string) =>
  withScopes(await db.get(`${SELECT} WHERE t.token_hash = ?`, [tokenHash]));

export async function listApiTokens(db: Queryable): Promise<ApiTokenRow[]> {
  const rows = await db.all<Omit<ApiTokenRow, 'scopes'> & { scopes: string }>(
    `${SELECT} ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC, t.id DESC`,
  );
  return rows.map((r) => withScopes(r)!);
}

/** False when it was revoked already. */
export async function revokeApiToken(db: Queryable, id: number, by: number | null, at: string) {
  const { changes } = await db.run(
    'UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL',
    [at, by, id],
  );
  return changes === 1;
}

export const touchApiToken = (db: Queryable, id: number, at: string) =>
  db.run('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', [at, id]);
