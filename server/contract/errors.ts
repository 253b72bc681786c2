/**
 * Every `error.id` the API answers with, in one list: clients and tests branch on them, so an id
 * is part of the contract. `AppError` takes only these; a typo or a new id is a type error
 * until it is added here.
 */
export const ERROR_IDS = [
  // any endpoint
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'bad_request',
  'unsupported_media_type',
  'origin_refused',
  'too_many_requests',
  // API tokens
  'token_misplaced',
  'token_scope_missing',
  // webhooks
  'webhook_url_refused',
  'unauthenticated',
  'forbidden',
  'csrf_invalid',
  'not_found',
  'internal',
  // sign-in
  'login_failed',
  'too_many_attempts',
  // second factor
  'mfa_code_invalid',
  'mfa_not_started',
  'mfa_already_enrolled',
  'mfa_enrolment_required',
  'mfa_not_pending',
  // users
  'email_taken',
  'password_weak',
  'password_link_invalid',
  'last_admin',
  'password_wrong',
  'local_login_disabled',
  // departments
  'department_exists',
  'department_archived',
  // articles
  'slug_taken',
  'article_version_conflict',
  'confidence_transition_invalid',
  'article_not_validated',
  // contacts
  'contact_not_yours',
  'contact_closed',
  'explicit_times_forbidden',
  'article_not_usable',
  'undo_expired',
  'nothing_to_undo',
  // retried writes (Idempotency-Key)
  'idempotency_key_invalid',
  'idempotency_key_reused',
  'idempotency_key_in_progress',
  // queue
  'queue_item_resolved',
  // stats
  'filter_not_applicable',
  // audit
  'audit_export_too_large',
] as const;
export type ErrorId = (typeof ERROR_IDS)[number];

/** The body of every 4xx and 5xx answer. */
export interface ErrorBody {
  error: { id: ErrorId; message: string; field?: string };
}
