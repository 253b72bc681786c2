import type { Config } from '../config';
import type { Logger } from '../logger';
import { countArticles } from '../stores/articles';
import { countContacts } from '../stores/contacts';
import { findUserByEmail, type UserRow } from '../stores/users';
import type { ArticleDeps } from '../services/articles/read';
import { importDirectory, type ImportReport } from './importExport';
import { generateHistory } from '../generators/demoHistory';
import type { Role } from '../domain/roles';
import { createUser } from '../services/users/users';

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

/** The rest of the demo contact center: their contacts make up the demo history. */
export const DEMO_TEAM: { email: string; name: string; role: Role; department: string }[] = [
  { email: 'sam@firstcall.example', name: 'Sam Support', role: 'agent', department: 'frontline' },
  { email: 'kim@firstcall.example', name: 'Kim Kowalski', role: 'agent', department: 'frontline' },
  { email: 'ravi@firstcall.example', name: 'Ravi Rao', role: 'agent', department: 'frontline' },
  { email: 'lena@firstcall.example', name: 'Lena Lind', role: 'agent', department: 'frontline' },
  { email: 'omar@firstcall.example', name: 'Omar Ortiz', role: 'agent', department: 'billing' },
];

/** 90 days of demo contacts, about 36 a weekday. */
const DEMO_HISTORY = { days: 90, perDay: 36, seed: 42 };

export interface SeedResult {
  imported: ImportReport | null;
  demoUsers: string[];
  history: { contacts: number; searches: number } | null;
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
  let history: SeedResult['history'] = null;
  if (config.seedDemo) {
    const agents: UserRow[] = [];
    for (const u of [...DEMO_USERS, ...DEMO_TEAM]) {
      const user =
        (await findUserByEmail(deps.db, u.email)) ??
        (await createUser(deps.db, { ...u, password: DEMO_PASSWORD }, 'demo'));
      if (DEMO_USERS.includes(u)) demoUsers.push(u.email);
      if (user.role === 'agent') agents.push(user);
    }
    if ((await countContacts(deps.db)) === 0) {
      const started = performance.now();
      history = await generateHistory(deps.db, agents, DEMO_HISTORY);
      logger.info(
        { ...history, ms: Math.round(performance.now() - started) },
        'demo history generated',
      );
    }
  }
  return { imported, demoUsers, history };
}
