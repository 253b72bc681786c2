import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody, ErrorId } from '../contract/errors';
import { AppError, notFound } from '../errors';
import type { Logger } from '../logger';

/**
 * A request the client got wrong at the HTTP level (unreadable body, address or encoding), as
 * opposed to one the API refused on its merits: worth a warning in the log, never a stack.
 */
function malformedRequest(err: unknown): AppError | null {
  // Express could not decode a path parameter (`/api/articles/%zz`)
  if (err instanceof URIError)
    return new AppError(400, 'bad_request', 'The address has a malformed %-escape (such as %zz).');
  const e = err as { type?: string; status?: number; code?: string };
  if (e?.type === 'entity.too.large')
    return new AppError(413, 'payload_too_large', 'The request body is too large.');
  if (e?.type === 'entity.parse.failed')
    return new AppError(400, 'invalid_json', 'The request body is not valid JSON.');
  if (e?.status === 415)
    return new AppError(415, 'unsupported_media_type', 'The body is sent in an unsupported form.');
  // anything else body-parser refused, such as a gzip body that does not inflate
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return new AppError(e.status, 'bad_request', 'The request body could not be read.');
  return null;
}

const MALFORMED = new Set<ErrorId>([
  'bad_request',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
]);

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if ((err as { code?: string })?.code === 'EBADCSRFTOKEN') {
    return new AppError(
      403,
      'csrf_invalid',
      'Missing or invalid CSRF token: fetch /api/auth/csrf and send it as X-CSRF-Token.',
    );
  }
  return malformedRequest(err);
}

/**
 * The one error handler: known errors become `{ error: { id, message, field? } }` with their
 * 4xx status; anything else is logged and answered as a bare 500 (no stack, no SQL).
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = toAppError(err);
    const where = { reqId: req.id, method: req.method, path: req.path };
    if (!known) logger.error({ err, ...where }, 'unhandled error');
    else if (MALFORMED.has(known.id))
      logger.warn({ ...where, status: known.status, errorId: known.id }, 'malformed request');
    const e =
      known ?? new AppError(500, 'internal', 'Something went wrong on our side. Please try again.');
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
    const body: ErrorBody = {
      error: { id: e.id, message: e.message, ...(e.field ? { field: e.field } : {}) },
    };
    res.status(e.status).json(body);
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) =>
  next(notFound(`${req.method} ${req.path}`));
