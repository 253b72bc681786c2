import { useEffect, useState } from 'preact/hooks';
import { engineerApi, errorMessage, isAbort } from '../api';
import type { Department, ImpactData, User } from '../../../server/contract/types';
import { DepartmentPicker } from '../ui/DepartmentPicker';
import { formatDay } from '../ui/format';
import { picksDepartment } from '../ui/rights';
import { COLUMNS } from './impactColumns';
import { ImpactTable } from './ImpactTable';

interface Props {
  user: User;
  department: Department;
  departments: Department[];
}

/** What a department's articles did for callers. Outcomes per article: people are never ranked. */
export function ImpactPage({ user, department, departments }: Props) {
  const [range, setRange] = useState({ from: '', to: '' });
  const [data, setData] = useState<ImpactData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${department.name} impact · Firstcall`;
  }, [department.name]);
  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    engineerApi.impact(department.slug, range, ctrl.signal).then(setData, (err: unknown) => {
      if (!isAbort(err)) setError(errorMessage(err));
    });
    return () => ctrl.abort();
  }, [department.slug, range.from, range.to]);

  const dateInput = (name: 'from' | 'to', label: string) => (
    <div class="field">
      <label for={`impact-${name}`}>{label}</label>
      <input
        id={`impact-${name}`}
        type="date"
        value={range[name]}
        onChange={(e) => setRange((r) => ({ ...r, [name]: e.currentTarget.value }))}
      />
    </div>
  );

  // the period ends at midnight after its last day (exclusive)
  const lastDay = data && new Date(Date.parse(data.period.to) - 1).toISOString();
  return (
    <div class="impact-page">
      <div class="page-head">
        <h1>{department.name} impact</h1>
        {picksDepartment(user) && (
          <DepartmentPicker base="/impact" current={department.slug} departments={departments} />
        )}
      </div>
      <p class="page-intro">
        What each article did for callers, over contacts closed in the period (90 days unless
        chosen). It measures articles, not people.
      </p>
      <div class="filters" role="group" aria-label="Period">
        {dateInput('from', 'From')}
        {dateInput('to', 'To')}
      </div>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {data && lastDay && (
        <>
          <p class="page-intro">
            {formatDay(data.period.from.slice(0, 10))} to {formatDay(lastDay.slice(0, 10))} ·{' '}
            {data.articles.length} articles
          </p>
          <ImpactTable articles={data.articles} />
          <dl class="legend">
            {COLUMNS.slice(1).map((c) => (
              <div key={c.key}>
                <dt>{c.label}</dt>
                <dd>{c.meaning}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {!data && !error && <p class="article-loading">Loading…</p>}
    </div>
  );
}
