import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage, isAbort, usersApi, USERS_PAGE, type Page, type UserQuery } from '../api';
import type { User, UserDetail } from '../../../server/contract/types';
import { ROLES } from '../../../server/contract/enums';
import { roleLabel } from '../ui/format';
import { Message } from '../ui/Message';
import { TableScroll } from '../ui/TableScroll';
import { useDepartments } from '../ui/useDepartments';
import { AddUser } from './AddUser';
import { UserPanel } from './UserPanel';

const day = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : 'Never';

/** How someone signs in: their own password, the company's sign-in, or not set up yet. */
export const signInLabel = (u: UserDetail) =>
  u.sso ? 'Company sign-in' : u.password ? 'Password' : 'Invited (no password yet)';

/**
 * Admins find people (name or email, role, department, status), add them with an invitation
 * link to hand over, and open one to change their role or department, disable or reset them.
 */
export function UsersPage({ user }: { user: User }) {
  const { departments } = useDepartments();
  const [query, setQuery] = useState<UserQuery>({
    q: '',
    role: '',
    department: '',
    active: '',
    offset: 0,
  });
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState<Page<UserDetail> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<UserDetail | null>(null);
  const [reload, setReload] = useState(0);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    document.title = 'Users · Firstcall';
  }, []);
  // the search box filters as one types, a moment after the last key
  useEffect(() => {
    const t = setTimeout(
      () => setQuery((q) => (q.q === typed ? q : { ...q, q: typed, offset: 0 })),
      200,
    );
    return () => clearTimeout(t);
  }, [typed]);
  useEffect(() => {
    if (user.role !== 'admin') return;
    const ctl = new AbortController();
    usersApi.list(query, ctl.signal).then(
      (p) => {
        setPage(p);
        setError(null);
      },
      (err: unknown) => {
        if (!isAbort(err)) setError(errorMessage(err));
      },
    );
    return () => ctl.abort();
  }, [query, reload, user.role]);

  if (user.role !== 'admin')
    return (
      <Message title="Not allowed">
        <p>Only admins administer users.</p>
      </Message>
    );

  const set = (patch: Partial<UserQuery>) => setQuery((q) => ({ ...q, ...patch, offset: 0 }));
  const saved = (u: UserDetail) => {
    setSelected(u);
    setReload((n) => n + 1);
  };
  const total = page?.total ?? 0;
  const first = total ? query.offset + 1 : 0;
  const last = Math.min(query.offset + USERS_PAGE, total);

  return (
    <section class="users-page" aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <form
        class="users-filters"
        role="search"
        aria-label="Find people"
        onSubmit={(e) => e.preventDefault()}
      >
        <div class="field">
          <label for="users-q">Name or email</label>
          <input
            id="users-q"
            type="search"
            value={typed}
            maxLength={100}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="users-role">Role</label>
          <select
            id="users-role"
            value={query.role}
            onChange={(e) => set({ role: e.currentTarget.value })}
          >
            <option value="">Any role</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel[r]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="users-department">Department</label>
          <select
            id="users-department"
            value={query.department}
            onChange={(e) => set({ department: e.currentTarget.value })}
          >
            <option value="">Any department</option>
            {(departments ?? []).map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="users-active">Status</label>
          <select
            id="users-active"
            value={query.active}
            onChange={(e) => set({ active: e.currentTarget.value as UserQuery['active'] })}
          >
            <option value="">Active and disabled</option>
            <option value="true">Active</option>
            <option value="false">Disabled</option>
          </select>
        </div>
      </form>
      {error && (
        <p class="dialog-error" role="alert">
          {error}
        </p>
      )}
      {selected && (
        <UserPanel
          key={selected.id}
          person={selected}
          me={user}
          departments={departments ?? []}
          onSaved={saved}
          onClose={() => {
            setSelected(null);
            opener.current?.focus();
          }}
        />
      )}
      <p class="users-count" role="status">
        {page ? (total ? `${first}–${last} of ${total} people` : 'Nobody matches.') : 'Loading…'}
      </p>
      {page && page.rows.length > 0 && (
        <TableScroll label="People">
          <table class="data-table users-table">
            <caption class="visually-hidden">People</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Department</th>
                <th scope="col">Status</th>
                <th scope="col">Signs in with</th>
                <th scope="col">Two-step</th>
                <th scope="col">Last sign-in</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((u) => (
                <tr key={u.id} class={u.active ? undefined : 'is-archived'}>
                  <td>
                    <button
                      type="button"
                      class="link-button"
                      aria-label={`Open ${u.name}`}
                      aria-expanded={selected?.id === u.id}
                      onClick={(e) => {
                        opener.current = e.currentTarget;
                        setSelected(u);
                      }}
                    >
                      {u.name}
                    </button>
                  </td>
                  <td>{u.email}</td>
                  <td>{roleLabel[u.role]}</td>
                  <td>{u.department.name}</td>
                  <td>{u.active ? 'Active' : 'Disabled'}</td>
                  <td>{signInLabel(u)}</td>
                  <td>{u.sso ? 'By the company' : u.mfaEnrolled ? 'On' : 'Off'}</td>
                  <td>{day(u.lastSignInAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {total > USERS_PAGE && (
        <nav class="pager" aria-label="Pages of people">
          <button
            type="button"
            class="button button-small button-secondary"
            disabled={query.offset === 0}
            onClick={() => setQuery((q) => ({ ...q, offset: Math.max(0, q.offset - USERS_PAGE) }))}
          >
            Previous
          </button>
          <button
            type="button"
            class="button button-small button-secondary"
            disabled={last >= total}
            onClick={() => setQuery((q) => ({ ...q, offset: q.offset + USERS_PAGE }))}
          >
            Next
          </button>
        </nav>
      )}
      <AddUser departments={departments ?? []} onAdded={() => setReload((n) => n + 1)} />
    </section>
  );
}
