import type { Role, TokenScope } from '../contract/enums';

/**
 * A token acts with the narrowest role its scope needs: reading search and articles as an
 * agent does (published, agent-facing content), reading contacts and statistics as a manager,
 * and writing contacts as an integration that opens and closes them for any agent (the
 * services' "admins and integrations" rules).
 */
const ROLE_OF_SCOPE: Record<TokenScope, Role> = {
  'search:read': 'agent',
  'articles:read': 'agent',
  'contacts:read': 'manager',
  'stats:read': 'manager',
  'contacts:write': 'admin',
};

export const roleOfScope = (scope: TokenScope): Role => ROLE_OF_SCOPE[scope];
