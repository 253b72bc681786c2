import pino from 'pino';

/**
 * Structured JSON logs. Secrets never reach them: cookies, CSRF tokens and passwords are
 * redacted wherever they appear, and request logs carry no session ids.
 */
export function createLogger(level: string) {
  // buffered, asynchronous writes (flushed at exit): a synchronous write per request would
  // cost more than the search it logs
  const destination =
    level === 'silent' ? undefined : pino.destination({ dest: 1, sync: false, minLength: 4096 });
  return pino(
    {
      level,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'req.headers.authorization',
          'res.headers["set-cookie"]',
          'password',
          '*.password',
          'sessionSecret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type Logger = pino.Logger;

/** One-time tokens, sign-in codes and any password a caller puts in a query string: never logged. */
export const redactUrl = (url: string) =>
  url.replace(
    /([?&](?:token|code|state|iss|session_state|password|secret|access_token)=)[^&#]*/g,
    '$1[redacted]',
  );
