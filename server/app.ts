import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { bearerToken, tokenRateLimit } from './auth/bearer';
import { createPassport } from './auth/passport';
import { sessionSecret } from './auth/sessionSecret';
import { SqliteSessionStore } from './auth/sessionStore';
import type { Config } from './config';
import type { Database } from './db/connection';
import { redactUrl, type Logger } from './logger';
import { Metrics } from './metrics';
import { metricsRouter } from './routes/metrics';
import { watchOperations } from './services/operations/gauges';
import { createMailer } from './mail/mailer';
import { usersRouter } from './routes/users';
import { oidcRouter } from './routes/oidc';
import { OidcClient } from './auth/oidc';
import { csrf } from './middleware/csrf';
import { sameOriginWrites } from './middleware/origin';
import { readableBody } from './middleware/requestBody';
import { requireMfaEnrolment } from './middleware/mfa';
import { apiNotFound, errorHandler } from './middleware/errorHandler';
import { absoluteSessionTimeout } from './middleware/sessionLimits';
import { CLIENT_DIST } from './paths';
import { adminRouter } from './routes/admin';
import { articlesRouter } from './routes/articles';
import { contactsRouter } from './routes/contacts';
import { authRouter } from './routes/auth';
import { departmentsRouter } from './routes/departments';
import { healthRouter } from './routes/health';
import { previewRouter } from './routes/preview';
import { queueRouter } from './routes/queue';
import { searchRouter } from './routes/search';
import { statsRouter } from './routes/stats';
import { tokensRouter } from './routes/tokens';
import { docsRouter } from './routes/docs';
import { webhooksRouter } from './routes/webhooks';
import type { SearchIndex } from './search/searchIndex';
import { SearchLog } from './services/search/searchLog';
import { ContactEventHub } from './services/contacts/contactEvents';
import { SolveCounts } from './services/search/solveCounts';
import { TokenAuthenticator } from './services/tokens/tokens';

export interface AppDeps {
  config: Config;
  db: Database;
  search: SearchIndex;
  logger: Logger;
  /** shared with what runs beside the app (the webhook dispatcher); the app's own otherwise */
  metrics?: Metrics;
}

export const SESSION_COOKIE = 'firstcall.sid';

/** Builds the Express app. Never listens: index.ts does, tests use the app directly. */
export function createApp(deps: AppDeps): express.Express {
  const { config, db, search, logger } = deps;
  const metrics = deps.metrics ?? new Metrics();
  // nothing is measured on the request path unless /metrics is served to someone
  const measured = config.metricsToken !== null;
  if (measured && !deps.metrics) metrics.collectProcessMetrics();
  if (measured) watchOperations(metrics, db, search);
  const app = express();
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:', 'https:'],
          // HTTPS is the proxy's job; upgrading would break plain-HTTP intranet hosts
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(
    pinoHttp({
      logger,
      genReqId: requestId,
      // id, method, path and status only: no headers, so no cookies or tokens
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );
  if (measured) app.use(timeRequests(metrics));
  // text and JSON go out gzip- or brotli-compressed when the browser asks (search results too)
  app.use(compression());
  app.use(healthRouter(db));
  app.use(metricsRouter(metrics, config.metricsToken));

  const passport = createPassport(db);
  // API answers depend on who asks: no browser or proxy may keep them
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', sameOriginWrites(config.publicUrl), readableBody);
  app.use('/api', express.json({ limit: config.bodyLimit }));
  // a phone system with a token, or a person in a browser with a session: never both
  app.use('/api', bearerToken(new TokenAuthenticator(db)), tokenRateLimit(config.tokenRateLimit));
  const browser = express.Router();
  browser.use(
    session({
      name: SESSION_COOKIE,
      secret: sessionSecret(config),
      store: new SqliteSessionStore(db, config.sessionIdleMs),
      resave: false,
      saveUninitialized: false,
      rolling: true, // idle timeout: every request pushes the expiry forward
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto', // Secure whenever the request came over HTTPS (see TRUST_PROXY)
        maxAge: config.sessionIdleMs,
        path: '/',
      },
    }),
  );
  browser.use(absoluteSessionTimeout(config.sessionMaxMs));
  browser.use(passport.session());
  // CSRF guards cookies a browser sends on its own; a bearer token is never sent that way
  browser.use(csrf.csrfSynchronisedProtection);
  app.use('/api', (req, res, next) => (req.apiToken ? next() : browser(req, res, next)));

  app.use('/api', requireMfaEnrolment(config, db));
  const sso = config.oidc ? new OidcClient(config.oidc) : null;
  app.use('/api/auth', authRouter(config, db, passport, sso));
  if (sso) app.use('/api/auth/oidc', oidcRouter(db, sso, logger));
  app.use('/api/users', usersRouter(config, db, createMailer(config, logger)));
  app.use('/api', docsRouter());
  app.use('/api/tokens', tokensRouter(db));
  app.use('/api/webhooks', webhooksRouter(db, config.webhooks.allowPrivate));
  app.use('/api/departments', departmentsRouter(db));
  app.use('/api/articles', articlesRouter({ db, search }));
  const solves = new SolveCounts(db, (err) =>
    logger.error({ err }, 'counting recent solves failed'),
  );
  const onError = (err: unknown) => logger.error({ err }, 'follow-up work after a contact failed');
  const events = new ContactEventHub(db, (err) => logger.error({ err }, 'contact events failed'));
  app.use(
    '/api/contacts',
    contactsRouter({ db, search, solves, onError, events, undoMs: config.undoMs }),
  );
  app.use('/api/queue', queueRouter(db));
  app.use('/api/preview', previewRouter());
  app.use('/api/stats', statsRouter(db));
  app.use('/api', adminRouter(db));
  const searched = (tookMs: number, total: number) => {
    if (!measured) return;
    metrics.searchDuration.observe(tookMs / 1000);
    if (total === 0) metrics.zeroResults.inc();
  };
  app.use(
    '/api/search',
    searchRouter({ db, search, solves, searchLog: new SearchLog(db) }, searched),
  );
  app.use('/api', apiNotFound);

  serveClient(app, config.mode);
  app.use(errorHandler(logger));
  return app;
}

/**
 * Requests timed by the route they matched, as declared (`/api/articles/:id`): few labels, no
 * ids. The route is noted when the router sets it, since by the time the answer is sent after
 * an error the router has put `baseUrl` back.
 */
function timeRequests(metrics: Metrics): express.RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    let route: unknown;
    let matched: string | null = null;
    Object.defineProperty(req, 'route', {
      configurable: true,
      enumerable: true,
      get: () => route,
      set(value: { path: unknown } | undefined) {
        route = value;
        if (value) matched = `${req.baseUrl}${String(value.path)}`.replace(/(.)\/$/, '$1');
      },
    });
    res.on('finish', () => {
      const label = matched ?? (req.originalUrl.startsWith('/api') ? 'unmatched' : 'static');
      end({ method: req.method, route: label, status: String(res.statusCode) });
    });
    next();
  };
}

/**
 * Every request gets an id, returned in X-Request-Id and logged with it, so a user's report
 * finds its log line. A caller's own id (a proxy's, the phone system's) is kept when it is sane.
 */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The built browser app, with index.html for every client-side route. */
function serveClient(app: express.Express, mode: Config['mode']): void {
  const index = path.join(CLIENT_DIST, 'index.html');
  // source maps are for developers: production never hands out the unminified source
  if (mode === 'production')
    app.use('/assets', (req, res, next) => {
      if (!req.path.endsWith('.map')) return next();
      res.status(404).type('text').send('Not found');
    });
  // asset names carry a content hash (client/build.mjs): a browser may keep them for a year
  app.use(
    '/assets',
    express.static(path.join(CLIENT_DIST, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
    }),
  );
  // an old build's asset is gone: say so, never answer a script request with index.html
  app.use('/assets', (_req, res) => {
    res.status(404).type('text').send('Not found');
  });
  app.get(/^\/(?!api\/).*/, (_req, res) => {
    if (!fs.existsSync(index)) {
      res.status(503).type('text').send('The client is not built yet: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
