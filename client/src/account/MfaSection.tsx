import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api';
import type { MfaEnrolment, MfaStatusData } from '../../../server/contract/types';

interface Props {
  /** Called once the second factor is confirmed (the app may then leave the enrolment page). */
  onEnrolled: () => void;
}

/** Two-step sign-in: status, set-up with a QR code and one code, recovery codes shown once. */
export function MfaSection({ onEnrolled }: Props) {
  const [status, setStatus] = useState<MfaStatusData | null>(null);
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.mfaStatus().then(setStatus, (err: unknown) => setError(errorMessage(err)));
  }, []);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await api.mfaEnrol());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { recoveryCodes } = await api.mfaConfirm(code.trim());
      setRecovery(recoveryCodes);
      setEnrolment(null);
      setStatus({ enrolled: true, required: false, recoveryCodesLeft: recoveryCodes.length });
    } catch (err) {
      setError(errorMessage(err));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="account-section" aria-labelledby="mfa-title">
      <h2 id="mfa-title">Two-step sign-in</h2>
      {error && (
        <p class="dialog-error" role="alert">
          {error}
        </p>
      )}
      {!status && !error && <p>Loading…</p>}
      {status?.enrolled && !recovery && (
        <p>
          On: after your password, Firstcall asks for a code from your authenticator app.{' '}
          {status.recoveryCodesLeft} recovery codes left. Lost your phone? An admin can reset it.
        </p>
      )}
      {recovery && (
        <div class="recovery-codes">
          <p role="status">
            Two-step sign-in is on. Keep these recovery codes somewhere safe: each signs you in once
            without your phone, and they are shown only now.
          </p>
          <ul aria-label="Recovery codes">
            {recovery.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <button type="button" class="button button-primary" onClick={onEnrolled}>
            I have saved them
          </button>
        </div>
      )}
      {status && !status.enrolled && !enrolment && (
        <>
          <p>
            Add a code from an authenticator app (Google Authenticator, Microsoft Authenticator,
            1Password…) to every sign-in.
          </p>
          <button type="button" class="button button-primary" onClick={start} disabled={busy}>
            Set up two-step sign-in
          </button>
        </>
      )}
      {enrolment && (
        <form class="mfa-enrol" onSubmit={confirm}>
          <p>1. Scan this code with your authenticator app.</p>
          <img
            src={enrolment.qrDataUrl}
            width={180}
            height={180}
            alt="QR code for your authenticator app"
          />
          <p>
            Or type this key: <code class="mfa-secret">{enrolment.secret}</code>
          </p>
          <div class="field">
            <label for="mfa-code">2. The 6-digit code the app shows</label>
            <input
              id="mfa-code"
              inputMode="numeric"
              autocomplete="one-time-code"
              maxLength={6}
              required
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button button-primary" disabled={busy}>
            Turn on
          </button>
        </form>
      )}
    </section>
  );
}
