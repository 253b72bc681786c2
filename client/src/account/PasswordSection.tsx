import { useState } from 'preact/hooks';
import { ApiError, api, errorMessage } from '../api';
import { Field } from '../ui/Field';
import { NewPasswordFields } from '../ui/NewPasswordFields';

type Errors = Partial<Record<'current' | 'next' | 'confirm' | 'form', string>>;

/** Change your own password: the current one first; every other session of yours ends. */
export function PasswordSection({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setDone(null);
    if (next !== confirm) return setErrors({ confirm: 'The two new passwords differ.' });
    setBusy(true);
    setErrors({});
    try {
      await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone('Password changed. Your other sessions are signed out.');
      onChanged();
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined;
      const message = errorMessage(err);
      if (field === 'currentPassword') setErrors({ current: message });
      else if (field === 'password') setErrors({ next: message });
      else setErrors({ form: message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="account-section" aria-labelledby="password-title" onSubmit={submit} noValidate>
      <h2 id="password-title">Password</h2>
      {errors.form && (
        <p class="dialog-error" role="alert">
          {errors.form}
        </p>
      )}
      <p class="sr-status" role="status">
        {done}
      </p>
      <Field name="current-password" label="Current password" error={errors.current}>
        {(c) => (
          <input
            {...c}
            type="password"
            autocomplete="current-password"
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        )}
      </Field>
      <NewPasswordFields
        name="new-password"
        password={next}
        confirm={confirm}
        onPassword={setNext}
        onConfirm={setConfirm}
        errors={{ password: errors.next, confirm: errors.confirm }}
      />
      <button type="submit" class="button button-primary" disabled={busy || !current || !next}>
        Change password
      </button>
    </form>
  );
}
