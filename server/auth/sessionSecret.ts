import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/**
 * The secret that signs session cookies. Production sets SESSION_SECRET (config refuses to start
 * without it). Elsewhere one is generated on first start and kept beside the database
 * (`<DATABASE_PATH>.secret`, readable only by the server's user), so a restart of the quick-start
 * setup does not sign everyone out. An in-memory database keeps nothing, so neither does this.
 */
export function sessionSecret(config: Pick<Config, 'sessionSecret' | 'databasePath'>): string {
  if (config.sessionSecret) return config.sessionSecret;
  const fresh = crypto.randomBytes(32).toString('hex');
  if (config.databasePath === ':memory:') return fresh;
  const file = `${config.databasePath}.secret`;
  const kept = read(file);
  if (kept) return kept;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx': if another process wrote it first, theirs wins and both use it
    fs.writeFileSync(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
    return fresh;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return read(file) ?? fresh;
    throw err;
  }
}

function read(file: string): string | null {
  try {
    const secret = fs.readFileSync(file, 'utf8').trim();
    return secret.length >= 32 ? secret : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
