import pino from 'pino';

/**
 * Structured JSON logs. Secrets never reach them: cookies, CSRF tokens and passwords are
 * redacted wherever they appear, and request logs carry no session ids.
 */
export function createLogger(level: string) {
  return pino({
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
  });
}

export type Logger = pino.Logger;
