import type { RequestHandler } from 'express';
import { AppError } from '../errors';

/** What express.json inflates; anything else would reach the parser as gibberish. */
const ENCODINGS = new Set(['identity', 'gzip', 'deflate', 'br']);

/**
 * Refuses, before parsing, a body the API cannot read as sent: a charset other than UTF-8
 * (JSON is UTF-8, RFC 8259; body-parser would otherwise decode UTF-7 or UTF-16 as asked) or a
 * content coding it cannot inflate. Both are 415 with a stable id, never a 500 or a silent
 * misreading. A gzip body is accepted, and BODY_LIMIT applies to it after inflating.
 */
export const readableBody: RequestHandler = (req, _res, next) => {
  const type = req.headers['content-type'];
  const charset = type && /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8')
    return next(
      new AppError(
        415,
        'unsupported_media_type',
        `The body's charset "${charset}" is not supported: send UTF-8.`,
      ),
    );
  const codings = (req.headers['content-encoding'] ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  const unknown = codings.find((c) => !ENCODINGS.has(c));
  if (unknown || codings.length > 1)
    return next(
      new AppError(
        415,
        'unsupported_media_type',
        `The body's Content-Encoding "${unknown ?? codings.join(', ')}" is not supported: send it plain, gzip, deflate or br.`,
      ),
    );
  next();
};
