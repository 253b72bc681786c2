import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorMessage, prefetchCsrf } from '../api';
import type { Me, PasswordLinkInfo } from '../../../server/contract/types';
import { Link } from '../ui/Link';
import { NewPasswordFields } from '../ui/NewPasswordFields';

interface Props {
  token: string;
  /** signed in with the new password */
  onSignedIn: (me: Me) => void;
  /** the person has a second factor: the sign-in page asks for the code next */
  onCodeNeeded: () => void;
}

/** An invitation or reset link: greets the person, then takes their new password. */
export function SetPasswordPage({ token, onSignedIn, onCodeNeeded }: Props) {
  const [info, setInfo] = useState<PasswordLinkInfo | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Choose a password · Firstcall';
    prefetchCsrf();
    if (!token) return setLinkError('This link is incomplete. Open the whole link you were given.');
    api.passwordLink(token).then(setInfo, (err: unknown) => setLinkError(errorMessage(err)));
  }, [token]);

  async function submit(e: Event) {
    e.preventDefault();
    if (password !== confirm) return setErrors({ confirm: 'The two passwords differ.' });
    setBusy(true);
    setErrors({});
    try {
      const result = await api.setPassword(token, password);
      if ('mfaRequired' in result) onCodeNeeded();
      else onSignedIn(result);
    } catch (err) {
      if (err instanceof ApiError && err.id === 'password_link_invalid') setLinkError(err.message);
      else if (err instanceof ApiError && err.field === 'password')
        setErrors({ password: err.message });
      else setErrors({ form: errorMessage(err) });
      setBusy(false);
    }
  }

  return (
    <main class="login" id="main">
      <form class="login-card" onSubmit={submit} noValidate>
        <h1>
          <span class="brand">Firstcall</span>
          <span class="login-sub">Choose a password</span>
        </h1>
        {linkError ? (
          <>
            <p role="alert">{linkError}</p>
            <Link href="/login">Go to sign-in</Link>
          </>
        ) : !info ? (
          <p>Checking your link…</p>
        ) : (
          <>
            <p>
              {info.purpose === 'invite' ? 'Welcome' : 'Hello'}, {info.name}. Choose the password
              for <strong>{info.email}</strong>.
            </p>
            {/* lets password managers file the new password under the right account */}
            <input type="hidden" name="username" autocomplete="username" value={info.email} />
            <NewPasswordFields
              name="set-password"
              password={password}
              confirm={confirm}
              onPassword={setPassword}
              onConfirm={setConfirm}
              errors={errors}
            />
            <div class="login-error" role="alert">
              {errors.form}
            </div>
            <button type="submit" class="button button-primary button-block" disabled={busy}>
              {busy ? 'Saving…' : 'Set password and sign in'}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
