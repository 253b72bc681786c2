import { useState } from 'preact/hooks';
import { ApiError, errorMessage, usersApi } from '../api';
import type { Department, InviteResult, InviteUser } from '../../../server/contract/types';
import { ROLES } from '../../../server/contract/enums';
import { Field } from '../ui/Field';
import { CopyField } from '../ui/CopyField';
import { roleLabel } from '../ui/format';

const EMPTY: InviteUser = { email: '', name: '', role: 'agent', department: '' };
type Errors = Partial<Record<keyof InviteUser | 'form', string>>;

export const until = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Adds a person; they get a one-time link (shown here to copy, mailed when SMTP is set). */
export function AddUser({
  departments,
  onAdded,
}: {
  departments: Department[];
  onAdded: () => void;
}) {
  const [form, setForm] = useState<InviteUser>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [invited, setInvited] = useState<InviteResult | null>(null);
  const [busy, setBusy] = useState(false);
  const open = departments.filter((d) => !d.archived);

  async function add(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setInvited(null);
    try {
      const result = await usersApi.invite({
        ...form,
        department: form.department || open[0]?.slug || '',
      });
      setInvited(result);
      setForm(EMPTY);
      onAdded();
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined;
      if (field === 'email' || field === 'name' || field === 'role' || field === 'department')
        setErrors({ [field]: errorMessage(err) });
      else setErrors({ form: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="add-user" onSubmit={add} aria-labelledby="add-user-title" noValidate>
      <h2 id="add-user-title">Add a person</h2>
      <p class="page-intro">
        They get a link to choose their own password; it works once, for 72 hours.
      </p>
      {errors.form && (
        <p class="dialog-error" role="alert">
          {errors.form}
        </p>
      )}
      {invited && (
        <div class="invite-result" role="status">
          <p>
            {invited.user.name} is added.{' '}
            {invited.emailed
              ? 'The link was mailed to them; you can also hand it over:'
              : 'Hand them this link:'}
          </p>
          <CopyField
            id="invite-link"
            label={`Invitation link for ${invited.user.name}`}
            value={invited.inviteUrl}
            hint={`Works once, until ${until(invited.expiresAt)}.`}
          />
        </div>
      )}
      <Field name="user-email" label="Email" error={errors.email}>
        {(c) => (
          <input
            {...c}
            type="email"
            autocomplete="off"
            value={form.email}
            maxLength={254}
            onInput={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field name="user-name" label="Name" error={errors.name}>
        {(c) => (
          <input
            {...c}
            autocomplete="off"
            value={form.name}
            maxLength={100}
            onInput={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field name="user-role" label="Role" error={errors.role}>
        {(c) => (
          <select
            {...c}
            value={form.role}
            onChange={(e) =>
              setForm({ ...form, role: e.currentTarget.value as InviteUser['role'] })
            }
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="user-department" label="Department" error={errors.department}>
        {(c) => (
          <select
            {...c}
            value={form.department || open[0]?.slug}
            onChange={(e) => setForm({ ...form, department: e.currentTarget.value })}
          >
            {open.map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" class="button button-primary" disabled={busy}>
        Add and get the link
      </button>
    </form>
  );
}
