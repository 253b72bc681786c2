import { useEffect, useState } from 'preact/hooks';
import { engineerApi, errorMessage, isAbort, type Page } from '../api';
import type { AuditEntry, User } from '../../../server/contract/types';
import { Message } from '../ui/Message';
import { ACTIONS, AuditTable, ENTITIES } from './AuditTable';

const LIMIT = 50;

interface Filters {
  entity: string;
  action: string;
  entityId: string;
  from: string;
  to: string;
}

const RANGE_ERROR_ID = 'audit-range-error';

/**
 * Admins read who changed what and who signed in: filter by kind of thing, action, one thing's
 * id and the days (UTC, inclusive), and download what the filters keep as CSV.
 */
export function AuditPage({ user }: { user: User }) {
  const [filters, setFilters] = useState<Filters>({
    entity: '',
    action: '',
    entityId: '',
    from: '',
    to: '',
  });
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<AuditEntry> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = /^\d+$/.test(filters.entityId.trim()) ? Number(filters.entityId) : undefined;
  const badId = filters.entityId.trim() !== '' && id === undefined;
  // the date inputs give a full day or nothing; only their order can be wrong
  const reversed = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
  const query = {
    entity: filters.entity,
    action: filters.action,
    entityId: id,
    from: filters.from,
    to: filters.to,
  };

  useEffect(() => {
    document.title = 'Audit log · Firstcall';
  }, []);
  useEffect(() => {
    if (user.role !== 'admin' || badId || reversed) return;
    const ctrl = new AbortController();
    engineerApi.audit({ ...query, limit: LIMIT, offset }, ctrl.signal).then(
      (p) => {
        setPage(p);
        setError(null);
      },
      (err: unknown) => {
        if (!isAbort(err)) setError(errorMessage(err));
      },
    );
    return () => ctrl.abort();
  }, [filters.entity, filters.action, id, badId, filters.from, filters.to, reversed, offset]);

  if (user.role !== 'admin') {
    return (
      <Message title="Not allowed">
        <p>Only admins read the audit log.</p>
      </Message>
    );
  }

  function set(name: keyof Filters, value: string) {
    setFilters((f) => ({ ...f, [name]: value }));
    setOffset(0);
  }

  return (
    <div class="audit-page">
      <h1>Audit log</h1>
      <div class="filters" role="group" aria-label="Filters">
        <div class="field">
          <label for="audit-entity">Kind</label>
          <select
            id="audit-entity"
            value={filters.entity}
            onChange={(e) => set('entity', e.currentTarget.value)}
          >
            <option value="">Any</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-action">Action</label>
          <select
            id="audit-action"
            value={filters.action}
            onChange={(e) => set('action', e.currentTarget.value)}
          >
            <option value="">Any</option>
            {Object.entries(ACTIONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {(['from', 'to'] as const).map((name) => (
          <div key={name} class={reversed ? 'field has-error' : 'field'}>
            <label for={`audit-${name}`}>{name === 'from' ? 'From' : 'To (inclusive)'}</label>
            <input
              id={`audit-${name}`}
              type="date"
              value={filters[name]}
              aria-invalid={reversed ? 'true' : undefined}
              aria-describedby={reversed ? RANGE_ERROR_ID : undefined}
              onChange={(e) => set(name, e.currentTarget.value)}
            />
          </div>
        ))}
        <div class={badId ? 'field has-error' : 'field'}>
          <label for="audit-id">Id</label>
          <input
            id="audit-id"
            type="text"
            inputMode="numeric"
            value={filters.entityId}
            aria-invalid={badId ? 'true' : undefined}
            aria-describedby={badId ? 'audit-id-error' : undefined}
            onInput={(e) => set('entityId', e.currentTarget.value)}
          />
          {badId && (
            <p class="field-error" id="audit-id-error">
              A number, e.g. an article id.
            </p>
          )}
        </div>
      </div>
      {reversed && (
        <p class="field-error" id={RANGE_ERROR_ID} role="alert">
          From is after To: choose a From on or before {filters.to}.
        </p>
      )}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {page && (
        <>
          <div class="audit-summary">
            <p class="page-intro" role="status">
              {page.total === 0
                ? 'No entries.'
                : `Entries ${offset + 1}–${offset + page.rows.length} of ${page.total}, newest first.`}
            </p>
            {page.total > 0 && !reversed && !badId && (
              <a class="button button-small" href={engineerApi.auditCsvUrl(query)} download>
                Download CSV
              </a>
            )}
          </div>
          <AuditTable entries={page.rows} />
          <div class="pager">
            <button
              type="button"
              class="button button-small"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - LIMIT))}
            >
              Newer
            </button>
            <button
              type="button"
              class="button button-small"
              disabled={offset + LIMIT >= page.total}
              onClick={() => setOffset(offset + LIMIT)}
            >
              Older
            </button>
          </div>
        </>
      )}
      {!page && !error && <p class="article-loading">Loading…</p>}
    </div>
  );
}
