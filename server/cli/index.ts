#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config';
import { Database } from '../db/connection';
import { migrate } from '../db/migrate';
import { AppError } from '../errors';
import { createLogger } from '../logger';
import { ROOT } from '../paths';
import {
  databaseFile,
  existingFile,
  existingFolder,
  folderToWrite,
  newFile,
  PathError,
} from './paths';
import { evaluate } from '../search/evaluate';
import { SearchIndex } from '../search/searchIndex';
import { generateBulkHistory } from '../generators/bulkHistory';
import { exportDirectory, importDirectory } from '../content/importExport';
import { seed } from '../content/seed';
import { createUser } from '../services/users/users';
import { issuePasswordReset, listUsers, updateUser } from '../services/users/admin';
import { ROLES, SYSTEM, type Role } from '../domain/roles';
import { findUserByEmail } from '../stores/users';
import type { UserUpdate } from '../contract/users';

/**
 * `npm run cli -- <command>`. Each command opens the configured database (DATABASE_PATH),
 * applies migrations, does its work and closes it. Run imports while the server is stopped,
 * or restart it afterwards: the server's search index is built at start.
 */
async function withDb<T>(
  fn: (db: Database, config: Config) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const config = loadConfig(env);
  const db = await Database.open(databaseFile(config.databasePath));
  try {
    await migrate(db);
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));

const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

const program = new Command('firstcall')
  .description('Firstcall knowledge base: administration commands')
  .version(version, '-V, --version', 'print the version')
  .showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    withDb(async (db) => {
      print({ applied: await migrate(db) });
    }),
  );

program
  .command('seed')
  .description(
    'import the content folder (by slug, idempotent) and, outside production, the demo users',
  )
  .action(() =>
    withDb(async (db, config) => {
      const result = await seed(
        { db, search: new SearchIndex() },
        config,
        createLogger('warn'),
        true,
      );
      print(result);
    }),
  );

program
  .command('import <dir>')
  .description('import Markdown articles from <dir> (departments.yml + <department>/<slug>.md)')
  .action((dir: string) => {
    const folder = existingFolder(dir, 'a folder with departments.yml and <department>/<slug>.md');
    return withDb(async (db) => {
      const report = await importDirectory({ db, search: new SearchIndex() }, folder);
      print(report);
      if (report.errors.length) process.exitCode = 2;
    });
  });

program
  .command('export <dir>')
  .description('write every article to <dir> as Markdown with front matter')
  .action((dir: string) => {
    const folder = folderToWrite(dir);
    return withDb(async (db) => {
      print({ exported: await exportDirectory(db, folder), dir: folder });
    });
  });

program
  .command('backup <file>')
  .description('write a consistent copy of the database to <file> (safe while the server runs)')
  .action((file: string) => {
    const target = newFile(file);
    return withDb(async (db) => {
      await db.run('VACUUM INTO ?', [target]);
      print({ backup: target });
    });
  });

program
  .command('eval')
  .description(
    'measure search relevance on a dataset folder: prints recallAt5, recallAt10, mrrAt10, ndcgAt10, queries',
  )
  .requiredOption(
    '--dataset <dir>',
    'folder with docs.jsonl, queries.<split>.jsonl, qrels.<split>.tsv',
  )
  .option('--split <split>', 'dev, test or all', 'dev')
  .action((opts: { dataset: string; split: string }) => {
    if (!['dev', 'test', 'all'].includes(opts.split))
      throw new InvalidArgumentError('--split is dev, test or all');
    const dataset = existingFolder(opts.dataset, 'a dataset folder with docs.jsonl');
    const suffix = opts.split === 'all' ? '' : `.${opts.split}`;
    for (const file of ['docs.jsonl', `queries${suffix}.jsonl`, `qrels${suffix}.tsv`])
      existingFile(path.join(dataset, file));
    console.log(JSON.stringify(evaluate(dataset, opts.split as 'dev' | 'test' | 'all')));
  });

program
  .command('bench')
  .description(
    'run the search benchmark (bench/run.ts, a development tool): tables, then one JSON line',
  )
  .argument('[options...]', 'passed on, e.g. --quick, --sizes 1000,10000, --skip-http')
  .allowUnknownOption()
  .action((options: string[]) => {
    const run = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--require',
        require.resolve('tsx/cjs'),
        path.join(ROOT, 'bench', 'run.ts'),
        ...options,
      ],
      { stdio: 'inherit' },
    );
    process.exitCode = run.status ?? 1;
  });

/** A positive whole number option (commander gives strings). */
const whole = (name: string, min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new InvalidArgumentError(`--${name} is a whole number ≥ ${min}.`);
  return n;
};

program
  .command('generate')
  .description(
    'add synthetic contact history for measuring statistics at scale (agents and articles come from the database): contacts, searches, tried marks, escalations, "needs an article" requests. Progress on stderr, then a JSON summary',
  )
  .requiredOption('--contacts <n>', 'how many contacts', whole('contacts', 1))
  .option('--days <n>', 'spread over this many days up to now', whole('days', 1), 730)
  .option(
    '--seed <n>',
    'random seed (same seed, same --now, same data: same rows)',
    whole('seed', 0),
    1,
  )
  .option('--now <iso>', 'the end of the history (default: the current time)')
  .option('--database <path>', 'SQLite file (default: DATABASE_PATH)')
  .action(
    (opts: { contacts: number; days: number; seed: number; now?: string; database?: string }) => {
      const env = opts.database ? { ...process.env, DATABASE_PATH: opts.database } : process.env;
      const now = opts.now === undefined ? new Date() : new Date(opts.now);
      if (Number.isNaN(now.getTime())) throw new Error('--now is an ISO date-time');
      if (loadConfig(env).mode === 'production')
        throw new Error('generate adds synthetic contacts: refused when NODE_ENV=production');
      return withDb(async (db) => {
        const summary = await generateBulkHistory(db, {
          ...opts,
          now,
          onProgress: ({ done, total, ms }) =>
            console.error(
              `generate: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} contacts (${Math.round((100 * done) / total)}%) ${(ms / 1000).toFixed(1)} s`,
            ),
        });
        print({ database: path.resolve(db.file), ...summary });
      }, env);
    },
  );

const user = program.command('user').description('manage users');
user
  .command('add')
  .description('create a user (the first admin of a production install is made this way)')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--role <role>', 'agent, engineer, manager or admin')
  .requiredOption('--department <slug>')
  .option(
    '--password <password>',
    '12 to 128 characters, not a common one (default: read from FIRSTCALL_PASSWORD)',
  )
  .action(
    (opts: { email: string; name: string; role: string; department: string; password?: string }) =>
      withDb(async (db) => {
        const password = opts.password ?? process.env.FIRSTCALL_PASSWORD ?? '';
        const created = await createUser(db, { ...opts, role: opts.role as never, password });
        print({
          id: created.id,
          email: created.email,
          role: created.role,
          department: created.departmentSlug,
        });
      }),
  );

const role = (value: string): Role => {
  if (!(ROLES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`a role is one of ${ROLES.join(', ')}`);
  return value as Role;
};

async function userByEmail(db: Database, email: string) {
  const found = await findUserByEmail(db, email.trim().toLowerCase());
  if (!found) throw new AppError(404, 'not_found', `No user has the email ${email}.`);
  return found;
}

user
  .command('list')
  .description('list users (name, email, role, department, active, last sign-in)')
  .option('--role <role>', 'only this role', role)
  .option('--department <slug>', 'only this department')
  .option('--json', 'print JSON instead of a table')
  .action((opts: { role?: Role; department?: string; json?: boolean }) =>
    withDb(async (db) => {
      const { rows } = await listUsers(db, { ...opts, limit: 100_000, offset: 0 });
      const list = rows.map((u) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        department: u.departmentSlug,
        active: Boolean(u.active),
        lastSignInAt: u.lastSignInAt,
      }));
      if (opts.json) return print(list);
      const cells = list.map((u) => [
        u.email,
        u.name,
        u.role,
        u.department,
        u.active ? 'active' : 'disabled',
        u.lastSignInAt?.slice(0, 16).replace('T', ' ') ?? 'never',
      ]);
      const header = ['EMAIL', 'NAME', 'ROLE', 'DEPARTMENT', 'STATUS', 'LAST SIGN-IN'];
      const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
      for (const line of [header, ...cells])
        console.log(
          line
            .map((c, i) => c.padEnd(widths[i]!))
            .join('  ')
            .trimEnd(),
        );
    }),
  );

user
  .command('set')
  .description('change a user: role, department, disable (ends their sessions at once) or enable')
  .argument('<email>')
  .option('--role <role>', 'agent, engineer, manager or admin', role)
  .option('--department <slug>')
  .option('--name <name>')
  .option('--disable', 'disable the account: every session ends now')
  .option('--enable', 'enable the account again')
  .action(
    (
      email: string,
      opts: {
        role?: Role;
        department?: string;
        name?: string;
        disable?: boolean;
        enable?: boolean;
      },
    ) =>
      withDb(async (db) => {
        if (opts.disable && opts.enable)
          throw new InvalidArgumentError('--disable or --enable, not both');
        const changes: UserUpdate = {
          ...(opts.role && { role: opts.role }),
          ...(opts.department && { department: opts.department }),
          ...(opts.name && { name: opts.name }),
          ...(opts.disable && { active: false }),
          ...(opts.enable && { active: true }),
        };
        if (!Object.keys(changes).length)
          throw new InvalidArgumentError(
            'nothing to change: give --role, --department, --name, --disable or --enable',
          );
        const found = await userByEmail(db, email);
        const u = await updateUser(db, SYSTEM, found.id, changes);
        print({
          email: u.email,
          name: u.name,
          role: u.role,
          department: u.departmentSlug,
          active: Boolean(u.active),
        });
      }),
  );

user
  .command('reset')
  .description(
    'print a one-time link (72 h) for the user to set a new password; their sessions end',
  )
  .argument('<email>')
  .action((email: string) =>
    withDb(async (db, config) => {
      const found = await userByEmail(db, email);
      const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
      const link = await issuePasswordReset(db, SYSTEM, found.id, {
        base,
        mail: () => Promise.resolve(false),
      });
      print({ email: found.email, resetUrl: link.resetUrl, expiresAt: link.expiresAt });
    }),
  );

program.parseAsync(process.argv).catch((err: unknown) => {
  const command = program.args[0] ?? 'firstcall';
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof PathError || err instanceof InvalidArgumentError)
    console.error(`${command}: ${err.message}`);
  else if (err instanceof AppError) console.error(`error (${err.id}): ${err.message}`);
  else console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
