import type { Config } from '../config';
import type { Logger } from '../logger';
import { countArticles } from '../stores/articles';
import { findUserByEmail } from '../stores/users';
import type { ArticleDeps } from './articles';
import { importDirectory, type ImportReport } from './content';
import type { Role } from './permissions';
import { createUser } from './users';

/** Demo accounts, one per role. Only outside production (config.seedDemo is never true there). */
export const DEMO_PASSWORD = 'firstcall-demo';
export const DEMO_USERS: { email: string; name: string; role: Role; department: string }[] = [
  { email: 'agent@firstcall.example', name: 'Alex Agent', role: 'agent', department: 'frontline' },
  {
    email: 'engineer@firstcall.example',
    name: 'Noor Network',
    role: 'engineer',
    department: 'network',
  },
  {
    email: 'billing.engineer@firstcall.example',
    name: 'Bea Billing',
    role: 'engineer',
    department: 'billing',
  },
  {
    email: 'manager@firstcall.example',
    name: 'Morgan Manager',
    role: 'manager',
    department: 'frontline',
  },
  { email: 'admin@firstcall.example', name: 'Ada Admin', role: 'admin', department: 'platform' },
];

export interface SeedResult {
  imported: ImportReport | null;
  demoUsers: string[];
}

/**
 * Idempotent start-up seeding: the content folder is imported only into an empty knowledge
 * base (afterwards the database is the source of truth and `cli import` is explicit), and demo
 * users are created when missing.
 */
export async function seed(
  deps: ArticleDeps,
  config: Config,
  logger: Logger,
  force = false,
): Promise<SeedResult> {
  let imported: ImportReport | null = null;
  if (force || (await countArticles(deps.db)) === 0) {
    imported = await importDirectory(deps, config.contentDir);
    for (const e of imported.errors)
      logger.warn({ file: e.file, reason: e.reason }, 'content file not imported');
    logger.info(
      {
        created: imported.created.length,
        updated: imported.updated.length,
        errors: imported.errors.length,
      },
      'content imported',
    );
  }
  const demoUsers: string[] = [];
  if (config.seedDemo) {
    for (const u of DEMO_USERS) {
      if (!(await findUserByEmail(deps.db, u.email)))
        await createUser(deps.db, { ...u, password: DEMO_PASSWORD });
      demoUsers.push(u.email);
    }
  }
  return { imported, demoUsers };
}
