import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../server/paths';

/** The command line as an operator runs it: its own process, on `databasePath`, plus `env`. */
export function cliRunner(databasePath: () => string, env: NodeJS.ProcessEnv = {}) {
  return (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['--require', require.resolve('tsx/cjs'), path.join(ROOT, 'server/cli/index.ts'), ...args],
      {
        encoding: 'utf8',
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          DATABASE_PATH: databasePath(),
          ...env,
        },
      },
    );
}
