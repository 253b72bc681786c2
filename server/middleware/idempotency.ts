import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Database } from '../db/connection';
import { AppError, badRequest, conflict } from '../errors';
import { claimKey, completeKey, releaseKey } from '../stores/idempotency';
import { actorOf } from './auth';

/** 1–128 printable ASCII characters (RFC 9110 field value without spaces at the ends). */
const VALID_KEY = /^[\x21-\x7e]([\x20-\x7e]{0,126}[\x21-\x7e])?$/;
const KEEP_MS = 24 * 3_600_000;
/** A first request still pending after this long was cut off (the process stopped). */
const ABANDONED_MS = 60_000;

/**
 * `Idempotency-Key` on a write (draft-ietf-httpapi-idempotency-key-header): a repeat with the
 * same key by the same user (or API token) within 24 hours gets the first answer again (same status and body,
 * plus `Idempotent-Replayed: true`) and changes nothing; the same key with another method, path
 * or body is 422 idempotency_key_reused; a repeat while the first is still running is 409.
 * Only successful answers are kept: a request that failed changed nothing, and may be sent
 * again with the same key. Without the header the request runs as usual.
 */
export function idempotent(db: Database, onError: (err: unknown) => void): RequestHandler {
  return async (req, res, next) => {
    const key = req.get('Idempotency-Key');
    if (key === undefined) return next();
    if (!VALID_KEY.test(key)) {
      throw badRequest(
        'idempotency_key_invalid',
        'Idempotency-Key must be 1 to 128 printable characters.',
        'Idempotency-Key',
      );
    }
    // a person's keys, or an API token's (the phone system retrying its POST)
    const owner = req.apiToken ? `token:${req.apiToken.id}` : `user:${actorOf(req).id!}`;
    const route = `${req.baseUrl}${req.path === '/' ? '' : req.path}`;
    const fingerprint = createHash('sha256')
      .update(`${req.method} ${route}\n${JSON.stringify(req.body ?? {})}`)
      .digest('base64url');
    const now = Date.now();
    const first = await claimKey(
      db,
      { owner, key, fingerprint, at: new Date(now).toISOString() },
      new Date(now - KEEP_MS).toISOString(),
      new Date(now - ABANDONED_MS).toISOString(),
    );
    if (first) {
      if (first.fingerprint !== fingerprint) {
        throw new AppError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
          'Idempotency-Key',
        );
      }
      if (first.status === null) {
        throw conflict(
          'idempotency_key_in_progress',
          'A request with this Idempotency-Key is still being answered. Try again in a moment.',
          'Idempotency-Key',
        );
      }
      res.setHeader('Idempotent-Replayed', 'true');
      res.status(first.status).type('json').send(first.body);
      return;
    }
    // the answer is stored before it is sent, so a repeat never finds the key still pending
    // once the client has its answer
    const send = res.json.bind(res);
    res.json = (body: unknown) => {
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      const stored = ok
        ? completeKey(db, owner, key, res.statusCode, JSON.stringify(body))
        : releaseKey(db, owner, key);
      void stored.catch(onError).finally(() => send(body));
      return res;
    };
    next();
  };
}
