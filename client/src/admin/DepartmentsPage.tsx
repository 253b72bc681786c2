import { useEffect, useState } from 'preact/hooks';
import { ApiError, engineerApi, errorMessage } from '../api';
import type { Department, DepartmentCreate, User } from '../../../server/contract/types';
import { Field } from '../ui/Field';
import { Message } from '../ui/Message';
import { useDepartments } from '../ui/useDepartments';
import { TableScroll } from '../ui/TableScroll';

const KIND_LABEL: Record<Department['kind'], string> = {
  frontline: 'Frontline (takes contacts)',
  engineering: 'Engineering (owns fixes and a queue)',
};

/** Admins add, rename and archive departments; an archived one keeps its articles and history. */
export function DepartmentsPage({ user }: { user: User }) {
  const loaded = useDepartments();
  const [list, setList] = useState<Department[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Departments · Firstcall';
  }, []);
  useEffect(() => setList(loaded.departments), [loaded.departments]);

  if (user.role !== 'admin')
    return (
      <Message title="Not allowed">
        <p>Only admins administer departments.</p>
      </Message>
    );
  if (loaded.error)
    return (
      <Message title="Could not load the departments">
        <p role="alert">{loaded.error}</p>
      </Message>
    );
  if (!list) return <p class="article-loading">Loading…</p>;

  const replace = (d: Department) =>
    setList((all) => {
      const rest = (all ?? []).filter((x) => x.slug !== d.slug);
      return [...rest, d].sort((a, b) => a.name.localeCompare(b.name));
    });

  return (
    <section class="departments-page" aria-labelledby="departments-title">
      <h1 id="departments-title">Departments</h1>
      <p class="page-intro">
        An archived department keeps its articles, queue history and statistics, but takes no new
        people and no escalations.
      </p>
      <p class="sr-status" role="status">
        {status}
      </p>
      <TableScroll label="Departments">
        <table class="data-table departments-table">
          <caption class="visually-hidden">Departments</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Slug</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <DepartmentRow key={d.slug} department={d} onSaved={replace} onStatus={setStatus} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      <AddDepartment
        onAdded={(d) => {
          replace(d);
          setStatus(`${d.name} added.`);
        }}
      />
    </section>
  );
}

interface RowProps {
  department: Department;
  onSaved: (d: Department) => void;
  onStatus: (text: string) => void;
}

function DepartmentRow({ department: d, onSaved, onStatus }: RowProps) {
  const [name, setName] = useState(d.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(body: Parameters<typeof engineerApi.updateDepartment>[1], done: string) {
    setBusy(true);
    setError(null);
    try {
      const saved = await engineerApi.updateDepartment(d.slug, body);
      onSaved(saved);
      setName(saved.name);
      onStatus(done);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const nameId = `department-name-${d.slug}`;
  return (
    <tr class={d.archived ? 'is-archived' : undefined}>
      <td>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() && name.trim() !== d.name)
              void save({ name: name.trim() }, `Renamed to ${name.trim()}.`);
          }}
        >
          <label class="visually-hidden" for={nameId}>
            Name of {d.slug}
          </label>
          <input
            id={nameId}
            value={name}
            maxLength={100}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${nameId}-error` : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <button
            type="submit"
            class="button button-small"
            disabled={busy || name.trim() === d.name}
          >
            Rename
          </button>
        </form>
        {error && (
          <p class="field-error" id={`${nameId}-error`} role="alert">
            {error}
          </p>
        )}
      </td>
      <td>
        <code>{d.slug}</code>
      </td>
      <td>
        <label class="visually-hidden" for={`department-kind-${d.slug}`}>
          Kind of {d.name}
        </label>
        <select
          id={`department-kind-${d.slug}`}
          value={d.kind}
          disabled={busy}
          onChange={(e) => {
            const kind = e.currentTarget.value as Department['kind'];
            void save({ kind }, `${d.name} is now ${KIND_LABEL[kind].toLowerCase()}.`);
          }}
        >
          {Object.entries(KIND_LABEL).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </td>
      <td>{d.archived ? 'Archived' : 'Active'}</td>
      <td>
        <button
          type="button"
          class="button button-small button-secondary"
          disabled={busy}
          onClick={() =>
            void save(
              { archived: !d.archived },
              d.archived ? `${d.name} is active again.` : `${d.name} archived.`,
            )
          }
        >
          {d.archived ? `Unarchive ${d.name}` : `Archive ${d.name}`}
        </button>
      </td>
    </tr>
  );
}

const EMPTY: DepartmentCreate = { slug: '', name: '', kind: 'engineering' };

function AddDepartment({ onAdded }: { onAdded: (d: Department) => void }) {
  const [form, setForm] = useState<DepartmentCreate>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof DepartmentCreate, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      onAdded(await engineerApi.createDepartment(form));
      setForm(EMPTY);
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined;
      if (field === 'slug' || field === 'name' || field === 'kind')
        setErrors({ [field]: errorMessage(err) });
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="add-department" onSubmit={add} aria-labelledby="add-department-title" noValidate>
      <h2 id="add-department-title">Add a department</h2>
      {error && (
        <p class="dialog-error" role="alert">
          {error}
        </p>
      )}
      <Field
        name="slug"
        label="Slug"
        hint="Lowercase letters, digits and dashes; it names the content folder."
        error={errors.slug}
      >
        {(c) => (
          <input
            {...c}
            value={form.slug}
            maxLength={64}
            onInput={(e) => setForm({ ...form, slug: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field name="name" label="Name" error={errors.name}>
        {(c) => (
          <input
            {...c}
            value={form.name}
            maxLength={100}
            onInput={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field name="kind" label="Kind" error={errors.kind}>
        {(c) => (
          <select
            {...c}
            value={form.kind}
            onChange={(e) =>
              setForm({ ...form, kind: e.currentTarget.value as DepartmentCreate['kind'] })
            }
          >
            {Object.entries(KIND_LABEL).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" class="button button-primary" disabled={busy}>
        Add department
      </button>
    </form>
  );
}
