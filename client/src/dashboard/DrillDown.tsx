import { useEffect, useRef } from 'preact/hooks';
import { DRILLS } from '../../../server/contract/metrics';
import type { Department } from '../../../server/contract/types';
import { formatDateTime, formatDay } from '../ui/format';
import { Link } from '../ui/Link';
import {
  CLOSE_DRILL,
  dashboardHref,
  drillQuery,
  type DashboardState,
  type Drill,
} from './dashboardUrl';
import { count } from './format';
import {
  csvUrl,
  DRILL_MAX,
  statsApi,
  statsUrl,
  type DrillContact,
  type DrillMetric,
  type StatsSettings,
} from './statsApi';
import { useStats } from './useStats';
import { TableScroll } from '../ui/TableScroll';

const PAGE = 50;

interface Props {
  search: string;
  state: DashboardState & { drill: Drill };
  departments: Department[] | null;
  settings: StatsSettings | null;
}

/** What each drill-down lists, in the words of DESIGN §3 (the metric catalogue's). */
function metricTitle(metric: DrillMetric, days: number): { title: string; meaning: string } {
  const { title, meaning } = DRILLS[metric];
  return { title, meaning: meaning.replace('{days}', String(days)) };
}

const channelLabel: Record<string, string> = { phone: 'Phone', chat: 'Chat', email: 'Email' };

const outcomeLabel: Record<string, string> = {
  solved: 'Solved',
  escalated: 'Escalated',
  follow_up: 'Follow-up',
};

/** The contacts behind a number: a page at a time, newest first, and CSV of all of them. */
export function DrillDown({ search, state, departments, settings }: Props) {
  const { drill } = state;
  const q = drillQuery(state);
  const name = (slug: string | null) =>
    slug === null ? '' : (departments?.find((d) => d.slug === slug)?.name ?? slug);
  const page = { limit: PAGE, offset: drill.offset };
  const key = statsUrl('contacts', q, { metric: drill.metric, ...page });
  const loaded = useStats(key, (signal) => statsApi.contacts(q, drill.metric, page, signal));
  const { title, meaning } = metricTitle(drill.metric, settings?.fcrWindowDays ?? 7);

  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [drill.metric]);

  const scope = [
    `${formatDay(q.from)} to ${formatDay(q.to)}`,
    q.agentDepartment && `agents in ${name(q.agentDepartment)}`,
    q.channel && `${q.channel} only`,
    q.articleDepartment && `articles of ${name(q.articleDepartment)} (solved with or tried)`,
  ].filter(Boolean);

  const total = loaded.data?.total ?? 0;
  const rows = loaded.data?.rows ?? [];
  const parts = Math.ceil(total / DRILL_MAX);
  const at = (offset: number) => dashboardHref(search, { offset: offset || undefined });
  const pager = (where: 'top' | 'bottom') => (
    <nav
      class="pager"
      aria-label={where === 'top' ? 'Pages of contacts' : 'Pages of contacts (end)'}
    >
      <span>
        {count(Math.min(drill.offset + 1, total))}–{count(Math.min(drill.offset + PAGE, total))} of{' '}
        {count(total)}
      </span>
      {drill.offset > 0 && (
        <Link href={at(Math.max(0, drill.offset - PAGE))} class="button button-small">
          Previous page
        </Link>
      )}
      {drill.offset + PAGE < total && (
        <Link href={at(drill.offset + PAGE)} class="button button-small">
          Next page
        </Link>
      )}
    </nav>
  );

  return (
    <section class="dashboard-drill" aria-labelledby="dashboard-drill-title">
      <p class="back-link">
        <Link href={dashboardHref(search, CLOSE_DRILL)}>← Back to the dashboard</Link>
      </p>
      <h2 id="dashboard-drill-title" ref={heading} tabIndex={-1}>
        {title}
        {loaded.data && <span class="queue-count"> ({count(total)})</span>}
      </h2>
      <p class="page-intro">
        {meaning} {scope.join(' · ')}.
      </p>
      {loaded.error && (
        <p class="notice notice-error" role="alert">
          {loaded.error}
        </p>
      )}
      {loaded.data && total === 0 && <p class="queue-empty">No contacts.</p>}
      {loaded.data && total > 0 && rows.length === 0 && (
        <p class="queue-empty">
          No contacts on this page. <Link href={at(0)}>Go to the first page</Link>
        </p>
      )}
      {total > 0 && (
        <div class="dashboard-drill-tools">
          {pager('top')}
          <p class="dashboard-csv">
            {Array.from({ length: parts }, (_, i) => {
              const offset = i * DRILL_MAX;
              const last = Math.min(offset + DRILL_MAX, total);
              return (
                <a
                  key={offset}
                  class="button button-small"
                  href={csvUrl('contacts', q, { metric: drill.metric, limit: DRILL_MAX, offset })}
                  download
                >
                  {parts === 1
                    ? `Download all ${count(total)} as CSV`
                    : `CSV: contacts ${count(offset + 1)}–${count(last)}`}
                </a>
              );
            })}
          </p>
        </div>
      )}
      {rows.length > 0 && (
        <TableScroll label={`${title}: contacts`} class={loaded.loading ? 'is-loading' : undefined}>
          <table class="data-table" aria-busy={loaded.loading ? 'true' : undefined}>
            <caption class="visually-hidden">
              {title}: contacts {count(drill.offset + 1)} to {count(drill.offset + rows.length)} of{' '}
              {count(total)}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Contact</th>
                <th scope="col">Closed</th>
                <th scope="col">Channel</th>
                <th scope="col">Agent</th>
                <th scope="col">Customer ref</th>
                <th scope="col">Outcome</th>
                <th scope="col">Article</th>
                <th scope="col">Escalated to</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c: DrillContact) => (
                <tr key={c.id}>
                  <th scope="row">#{c.id}</th>
                  <td>
                    <time dateTime={c.closedAt}>{formatDateTime(c.closedAt)}</time>
                  </td>
                  <td>{channelLabel[c.channel] ?? c.channel}</td>
                  <td>
                    {c.agent} <span class="audit-action">{name(c.agentDepartment)}</span>
                  </td>
                  <td>{c.customerRef ?? '—'}</td>
                  <td>{outcomeLabel[c.outcome] ?? c.outcome}</td>
                  <td>
                    {c.articleId !== null && c.article ? (
                      <>
                        <Link href={`/articles/${c.articleId}`}>{c.article}</Link>{' '}
                        <span class="audit-action">{name(c.articleDepartment)}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{c.escalatedTo ? name(c.escalatedTo) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {total > 0 && rows.length > PAGE / 2 && pager('bottom')}
    </section>
  );
}
