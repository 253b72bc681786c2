import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Database, Queryable } from '../../db/connection';
import type { Actor, Role } from '../../domain/roles';
import { AppError, badRequest, conflict, notFound } from '../../errors';
import { insertAudit } from '../../stores/audit';
import * as store from '../../stores/mfa';
import { findUserById } from '../../stores/users';

/** Five wrong codes in 15 minutes and the second factor waits (RFC 6238 §5.2 asks for a limit). */
export const MFA_MAX_FAILURES = 5;
export const MFA_WINDOW_MS = 15 * 60_000;
const RECOVERY_CODES = 10;
/** one 30-second step either side: clocks of phones drift */
const TOLERANCE_S = 30;
const ISSUER = 'Firstcall';

/** The roles that must have a second factor when MFA is required (they change what others see). */
export const MFA_ROLES: readonly Role[] = ['admin', 'manager'];

export interface MfaStatus {
  enrolled: boolean;
  /** this user must enrol before doing anything else */
  required: boolean;
  recoveryCodesLeft: number;
}

const hash = (code: string) => createHash('sha256').update(normalizeRecovery(code)).digest('hex');
const normalizeRecovery = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();
const invalidCode = () =>
  badRequest(
    'mfa_code_invalid',
    'That code is not right. Try the current code from your app.',
    'code',
  );

export async function mfaStatus(db: Queryable, userId: number, role: Role, mfaRequired: boolean) {
  const row = await store.findMfa(db, userId);
  const enrolled = !!row?.confirmedAt;
  return {
    enrolled,
    required: mfaRequired && MFA_ROLES.includes(role) && !enrolled,
    recoveryCodesLeft: enrolled ? await store.recoveryCodesLeft(db, userId) : 0,
  } satisfies MfaStatus;
}

export const hasMfa = async (db: Queryable, userId: number) =>
  !!(await store.findMfa(db, userId))?.confirmedAt;

/** Starts (or restarts) an enrolment: the secret, as a link and a QR code for the app. */
export async function startEnrolment(db: Database, user: { id: number; email: string }) {
  if (await hasMfa(db, user.id))
    throw conflict('mfa_already_enrolled', 'Two-step sign-in is already set up.');
  const secret = generateSecret();
  await store.startMfa(db, user.id, secret, new Date().toISOString());
  const otpauthUrl = generateURI({ issuer: ISSUER, label: user.email, secret });
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1 }) };
}

/** Confirms the enrolment with one code from the app; returns the recovery codes, shown once. */
export async function confirmEnrolment(db: Database, actor: Actor, code: string) {
  const userId = actor.id!;
  const codes = await db.transaction(async (tx) => {
    const row = await store.findMfa(tx, userId);
    if (!row) throw badRequest('mfa_not_started', 'Start the set-up first.');
    if (row.confirmedAt)
      throw conflict('mfa_already_enrolled', 'Two-step sign-in is already set up.');
    await throttle(tx, userId);
    const step = await totpStep(row.secret, code);
    if (step === null) return null;
    const at = new Date().toISOString();
    await store.confirmMfa(tx, userId, step, at);
    const fresh = Array.from({ length: RECOVERY_CODES }, recoveryCode);
    await store.replaceRecoveryCodes(tx, userId, fresh.map(hash));
    await store.clearMfaFailures(tx, userId);
    await insertAudit(tx, {
      actorId: userId,
      action: 'mfa.enrol',
      entity: 'user',
      entityId: userId,
      at,
    });
    return fresh;
  });
  if (!codes) await failed(db, userId);
  return codes!;
}

/**
 * The second step of a sign-in: a current code from the app (each accepted once), or one of
 * the recovery codes (each usable once). Failures count towards the throttle.
 */
export async function verifySecondFactor(db: Database, userId: number, code: string) {
  const ok = await db.transaction(async (tx) => {
    const row = await store.findMfa(tx, userId);
    if (!row?.confirmedAt) return false;
    await throttle(tx, userId);
    const at = new Date().toISOString();
    if (/^\d{6}$/.test(code.trim())) {
      const step = await totpStep(row.secret, code);
      if (step === null || !(await store.useTimeStep(tx, userId, step))) return false;
    } else {
      if (!(await store.spendRecoveryCode(tx, userId, hash(code), at))) return false;
      await insertAudit(tx, {
        actorId: userId,
        action: 'mfa.recovery_code_used',
        entity: 'user',
        entityId: userId,
        detail: { left: await store.recoveryCodesLeft(tx, userId) },
        at,
      });
    }
    await store.clearMfaFailures(tx, userId);
    return true;
  });
  if (!ok) await failed(db, userId);
}

/** A wrong code counts towards the throttle (outside the refused transaction), then fails. */
async function failed(db: Database, userId: number): Promise<never> {
  await store.insertMfaFailure(db, userId, new Date().toISOString());
  throw invalidCode();
}

/** An admin clears someone's second factor (a lost phone); they enrol again at next sign-in. */
export async function resetMfa(db: Database, actor: Actor, userId: number) {
  return db.transaction(async (tx) => {
    if (!(await findUserById(tx, userId))) throw notFound('That user');
    const had = await store.deleteMfa(tx, userId);
    await insertAudit(tx, {
      actorId: actor.id,
      action: 'mfa.reset',
      entity: 'user',
      entityId: userId,
      detail: { hadMfa: had },
    });
  });
}

async function throttle(tx: Queryable, userId: number) {
  const since = new Date(Date.now() - MFA_WINDOW_MS).toISOString();
  const { n, oldest } = await store.mfaFailuresSince(tx, userId, since);
  if (n < MFA_MAX_FAILURES) return;
  const retry = Math.max(1, Math.ceil((Date.parse(oldest!) + MFA_WINDOW_MS - Date.now()) / 1000));
  throw new AppError(
    429,
    'too_many_attempts',
    `Too many wrong codes. Try again in ${Math.ceil(retry / 60)} minutes.`,
    undefined,
    { 'Retry-After': String(retry) },
  );
}

/** The 30-second step a 6-digit code belongs to, or null when it is not a current code. */
async function totpStep(secret: string, code: string): Promise<number | null> {
  const token = code.trim();
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epochTolerance: TOLERANCE_S });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** 10 random characters of an unambiguous alphabet, as XXXXX-XXXXX (50 bits). */
function recoveryCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
