import type { ApiToken } from '../contract/tokens';
import { tokenStatus } from '../services/tokens/tokens';
import type { ApiTokenRow } from '../stores/apiTokens';

export const presentToken = (t: ApiTokenRow): ApiToken => ({
  id: t.id,
  name: t.name,
  hint: t.hint,
  scopes: t.scopes,
  createdAt: t.createdAt,
  createdBy: t.createdById === null ? null : { id: t.createdById, name: t.createdByName },
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
  status: tokenStatus(t),
});
