import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage, usersApi } from '../api';
import type {
  Department,
  ResetResult,
  SessionInfo,
  User,
  UserDetail,
  UserUpdate,
} from '../../../server/contract/types';
import { ROLES } from '../../../server/contract/enums';
import { CopyField } from '../ui/CopyField';
import { roleLabel } from '../ui/format';
import { SessionList } from '../ui/SessionList';
import { until } from './AddUser';

interface Props {
  person: UserDetail;
  /** the admin at the keyboard */
  me: User;
  departments: Department[];
  onSaved: (u: UserDetail) => void;
  onClose: () => void;
}

/**
 * One person, for an admin: name, role and department; disable (every session ends at once)
 * or enable; a reset link; a two-step sign-in reset; where they are signed in.
 */
export function UserPanel({ person, me, departments, onSaved, onClose }: Props) {
  const [form, setForm] = useState({
    name: person.name,
    role: person.role,
    department: person.department.slug,
  });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [reset, setReset] = useState<ResetResult | null>(null);
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const ctl = new AbortController();
    usersApi.sessions(person.id, ctl.signal).then(setSessions, () => undefined);
    return () => ctl.abort();
  }, [person.id, person.active]);

  async function act(fn: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      setStatus(await fn());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const update = (body: UserUpdate, said: (u: UserDetail) => string) =>
    act(async () => {
      const u = await usersApi.update(person.id, body);
      onSaved(u);
      return said(u);
    });

  const changes: UserUpdate = {
    ...(form.name.trim() !== person.name && { name: form.name.trim() }),
    ...(form.role !== person.role && { role: form.role }),
    ...(form.department !== person.department.slug && { department: form.department }),
  };
  const self = person.id === me.id;
  const choosable = departments.filter((d) => !d.archived || d.slug === person.department.slug);

  return (
    <section class="user-panel" aria-labelledby="user-panel-title">
      <h2 id="user-panel-title" tabIndex={-1} ref={heading}>
        {person.name}
      </h2>
      <p>
        {person.email} · {person.active ? 'Active' : 'Disabled'}
        {person.sso &&
          ' · signs in with the company sign-in (role and department follow its groups)'}
      </p>
      {error && (
        <p class="dialog-error" role="alert">
          {error}
        </p>
      )}
      <p class="sr-status" role="status">
        {status}
      </p>
      <form
        class="user-edit"
        onSubmit={(e) => {
          e.preventDefault();
          void update(
            changes,
            (u) => `Saved: ${u.name} is ${roleLabel[u.role]} in ${u.department.name}.`,
          );
        }}
      >
        <div class="field">
          <label for="user-edit-name">Name</label>
          <input
            id="user-edit-name"
            value={form.name}
            maxLength={100}
            onInput={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="user-edit-role">Role</label>
          <select
            id="user-edit-role"
            value={form.role}
            onChange={(e) =>
              setForm({ ...form, role: e.currentTarget.value as UserDetail['role'] })
            }
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel[r]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="user-edit-department">Department</label>
          <select
            id="user-edit-department"
            value={form.department}
            onChange={(e) => setForm({ ...form, department: e.currentTarget.value })}
          >
            {choosable.map((d) => (
              <option key={d.slug} value={d.slug} disabled={d.archived}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          class="button button-primary"
          disabled={busy || !Object.keys(changes).length}
        >
          Save changes
        </button>
      </form>
      <div class="user-actions">
        <button
          type="button"
          class="button button-secondary"
          disabled={busy}
          onClick={() =>
            void update({ active: !person.active }, (u) =>
              u.active
                ? `${u.name} is enabled again.`
                : `${u.name} is disabled and signed out everywhere.`,
            )
          }
        >
          {person.active ? `Disable ${person.name}` : `Enable ${person.name}`}
        </button>
        {person.active && !person.sso && (
          <button
            type="button"
            class="button button-secondary"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const r = await usersApi.resetPassword(person.id);
                setReset(r);
                setSessions([]);
                return `${person.name} is signed out; hand them the new link.`;
              })
            }
          >
            {person.password ? 'Reset password' : 'New invitation link'}
          </button>
        )}
        {person.mfaEnrolled && (
          <button
            type="button"
            class="button button-secondary"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                await usersApi.resetMfa(person.id);
                onSaved({ ...person, mfaEnrolled: false });
                return `${person.name} sets up two-step sign-in again at their next sign-in.`;
              })
            }
          >
            Reset two-step sign-in
          </button>
        )}
        <button type="button" class="button button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {reset && (
        <CopyField
          id="reset-link"
          label={`Password link for ${person.name}`}
          value={reset.resetUrl}
          hint={`Works once, until ${until(reset.expiresAt)}. ${reset.emailed ? 'It was mailed to them too.' : ''}`}
        />
      )}
      <h3>Where {self ? 'you are' : `${person.name} is`} signed in</h3>
      {sessions ? (
        <SessionList sessions={sessions} label={`Sessions of ${person.name}`} />
      ) : (
        <p>Loading…</p>
      )}
      {sessions && sessions.length > 0 && !self && (
        <button
          type="button"
          class="button button-secondary"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const { ended } = await usersApi.endSessions(person.id);
              setSessions([]);
              return `${person.name} is signed out of ${ended} session${ended === 1 ? '' : 's'}.`;
            })
          }
        >
          Sign {person.name} out everywhere
        </button>
      )}
    </section>
  );
}
