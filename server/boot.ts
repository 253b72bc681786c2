import type { Config } from './config';
import { Database } from './db/connection';
import { migrate } from './db/migrate';
import type { Logger } from './logger';
import { SearchIndex } from './search/searchIndex';
import { loadSearchIndex } from './services/articles/searchDoc';
import { seed, type SeedResult } from './content/seed';

export interface Runtime {
  db: Database;
  search: SearchIndex;
  seeded: SeedResult;
}

/** Everything the app needs before it can serve: database, schema, seed data, search index. */
export async function boot(config: Config, logger: Logger): Promise<Runtime> {
  const db = await Database.open(config.databasePath);
  const applied = await migrate(db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  const search = new SearchIndex({
    onError: (err) => logger.error({ err }, 'search index background work failed'),
    persistPath: config.databasePath === ':memory:' ? undefined : `${config.databasePath}.search`,
  });
  const seeded = await seed({ db, search }, config, logger);
  const started = performance.now();
  const count = await loadSearchIndex({ db, search });
  logger.info(
    { articles: count, ms: Math.round(performance.now() - started) },
    'search index built',
  );
  return { db, search, seeded };
}
