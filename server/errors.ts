import type { ErrorId } from './contract/errors';

/**
 * The one error contract: every failure a client can cause becomes an AppError with a
 * stable `id` (from server/contract/errors.ts: clients and tests branch on it), a human
 * message, and optionally the field.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly id: ErrorId,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (id: ErrorId, message: string, field?: string) =>
  new AppError(400, id, message, field);
export const validationFailed = (message: string, field?: string) =>
  new AppError(400, 'validation_failed', message, field);
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in to continue.');
export const forbidden = (message = 'You do not have permission to do that.') =>
  new AppError(403, 'forbidden', message);
export const notFound = (what = 'That page') =>
  new AppError(404, 'not_found', `${what} was not found.`);
export const conflict = (id: ErrorId, message: string, field?: string) =>
  new AppError(409, id, message, field);
