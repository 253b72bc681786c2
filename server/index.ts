import { createApp } from './app';
import { boot } from './boot';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { Metrics } from './metrics';
import { WebhookDispatcher } from './services/webhooks/dispatcher';
import { DEMO_PASSWORD } from './content/seed';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const { db, search, seeded } = await boot(config, logger);
  const metrics = new Metrics();
  if (config.metricsToken) metrics.collectProcessMetrics();
  const app = createApp({ config, db, search, logger, metrics });
  // the queued webhook deliveries: every node sends its share (they are claimed with a lease)
  const webhooks = new WebhookDispatcher(db, config.webhooks, logger, metrics);
  webhooks.start();
  const server = app.listen(config.port, config.host, () => {
    logger.info(
      { url: `http://${config.host}:${config.port}`, mode: config.mode },
      'Firstcall is listening',
    );
    if (seeded.demoUsers.length) {
      // Printed on purpose, development only: these accounts never exist in production.
      console.log(
        `\nFirstcall: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
      );
      console.log(`Demo users (password "${DEMO_PASSWORD}"): ${seeded.demoUsers.join(', ')}\n`);
    }
  });

  server.on('error', (err) => {
    logger.fatal({ err }, 'cannot listen');
    process.exit(1);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // stop accepting, let in-flight requests finish, then close the database
    server.close(() => {
      webhooks
        .stop()
        .then(() => db.close())
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    // consoles' event streams never go idle: they reconnect to another node (or this one, back)
    setTimeout(() => server.closeAllConnections(), 2000).unref();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('Firstcall failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
