import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Location } from '../routes';
import type { Department, User } from '../../../server/contract/types';
import { formatDay } from '../ui/format';
import { Message } from '../ui/Message';
import { useDepartments } from '../ui/useDepartments';
import { ArticleImpact } from './ArticleImpact';
import { drillQuery, readDashboardUrl, type DashboardState } from './dashboardUrl';
import { DrillDown } from './DrillDown';
import { GapTables } from './GapTables';
import { HeatMap } from './HeatMap';
import { RangeFilters } from './RangeFilters';
import { rangeError } from './rangeError';
import { csvUrl, statsApi, statsUrl, type StatsSettings } from './statsApi';
import { Tiles } from './Tiles';
import { TrendCharts } from './TrendCharts';
import { useStats, type Loaded } from './useStats';
import './stylesheet';

/** Rows per content-gap list. */
const GAP_LIMIT = 50;

/** Who sees the dashboard (the server decides too: GET /api/stats/* is 403 for others). */
export function canSeeDashboard(user: User): boolean {
  return user.role === 'manager' || user.role === 'admin';
}

/**
 * The managers' dashboard at /dashboard: what is our FCR, is it real, how many escalations did
 * shared knowledge avoid, whose knowledge helps whom, where are the gaps. Range, filters and
 * drill-down live in the URL. It reports outcomes, never people ranked by activity.
 */
export function DashboardPage({ user, loc }: { user: User; loc: Location }) {
  useEffect(() => {
    document.title = 'Dashboard · Firstcall';
  }, []);
  if (!canSeeDashboard(user)) {
    return (
      <Message title="Not allowed">
        <p>The dashboard is for managers and admins.</p>
      </Message>
    );
  }
  return <Dashboard search={loc.search} />;
}

function Dashboard({ search }: { search: string }) {
  const state = readDashboardUrl(search);
  const { departments } = useDepartments();
  const settings = useStats('settings', (signal) => statsApi.settings(signal));
  const drill = state.drill;
  const query = drill ? drillQuery(state) : state.query;
  // a range the API would refuse: said at the fields, and no figures (old ones would look current)
  const badRange = rangeError(query);

  return (
    <div class="impact-page dashboard-page">
      <div class="page-head">
        <h1>Dashboard</h1>
      </div>
      <RangeFilters search={search} query={query} departments={departments} rangeError={badRange} />
      {badRange ? (
        <p class="notice notice-info dashboard-no-figures">
          No figures until the range is valid: fix From and To above.
        </p>
      ) : drill ? (
        <DrillDown
          search={search}
          state={{ ...state, drill }}
          departments={departments}
          settings={settings.data}
        />
      ) : (
        <Overview
          search={search}
          state={state}
          departments={departments}
          settings={settings.data}
        />
      )}
    </div>
  );
}

interface OverviewProps {
  search: string;
  state: DashboardState;
  departments: Department[] | null;
  settings: StatsSettings | null;
}

function Section(props: {
  id: string;
  title: string;
  intro?: ComponentChildren;
  loaded: Loaded<unknown>;
  children: ComponentChildren;
}) {
  const { id, title, intro, loaded, children } = props;
  return (
    <section
      class={loaded.loading ? 'dashboard-section is-loading' : 'dashboard-section'}
      aria-labelledby={id}
      aria-busy={loaded.loading ? 'true' : undefined}
    >
      <h2 id={id}>{title}</h2>
      {intro && <p class="page-intro">{intro}</p>}
      {loaded.data !== null && !loaded.error ? (
        children
      ) : (
        <p class="queue-empty">{loaded.error ? 'Not available.' : 'Loading…'}</p>
      )}
    </section>
  );
}

function Overview({ search, state, departments, settings }: OverviewProps) {
  const q = state.query;
  const summary = useStats(statsUrl('summary', q), (s) => statsApi.summary(q, s));
  const repeated = useStats(statsUrl('contacts', q, { metric: 'repeated' }), (s) =>
    statsApi.contacts(q, 'repeated', { limit: 1, offset: 0 }, s).then((p) => p.total),
  );
  const ttp = useStats(statsUrl('time-to-publish', q), (s) => statsApi.timeToPublish(q, s));
  const series = useStats(statsUrl('series', q, { bucket: state.bucket }), (s) =>
    statsApi.series(q, state.bucket, s),
  );
  const matrix = useStats(statsUrl('matrix', q), (s) => statsApi.matrix(q, s));
  // gaps are searches that found no article: the articles' department does not apply
  const gapQuery = { ...q, articleDepartment: undefined };
  const gaps = useStats(statsUrl('gaps', gapQuery, { limit: GAP_LIMIT }), (s) =>
    statsApi.gaps(gapQuery, GAP_LIMIT, s),
  );
  const articles = useStats(statsUrl('articles', q), (s) => statsApi.articles(q, s));

  // one request's 400 (a bad range) is every request's: say it once
  const errors = [
    ...new Set(
      [summary, repeated, ttp, series, matrix, gaps, articles]
        .map((l) => l.error)
        .filter((e): e is string => e !== null),
    ),
  ];
  const name = (slug: string) => departments?.find((d) => d.slug === slug)?.name ?? slug;
  const filters = [
    q.agentDepartment && `agents in ${name(q.agentDepartment)}`,
    q.channel && `${q.channel} only`,
    q.articleDepartment && `articles of ${name(q.articleDepartment)}`,
  ].filter(Boolean);
  const empty = summary.data?.contacts === 0;

  return (
    <>
      <div role="alert">
        {errors.map((e) => (
          <p key={e} class="notice notice-error">
            {e}
          </p>
        ))}
      </div>
      <p class="page-intro">
        Contacts closed from {formatDay(q.from)} to {formatDay(q.to)} (UTC days)
        {filters.length > 0 ? ` · ${filters.join(' · ')}` : ''}. Every number opens the contacts
        behind it.
      </p>
      {empty && (
        <p class="notice notice-info" role="status">
          No contacts closed in this period{filters.length > 0 ? ' with these filters' : ''}.
        </p>
      )}
      <section
        class={summary.loading ? 'dashboard-section is-loading' : 'dashboard-section'}
        aria-labelledby="dashboard-headline"
        aria-busy={summary.loading ? 'true' : undefined}
      >
        <h2 id="dashboard-headline" class="visually-hidden">
          Headline numbers
        </h2>
        <Tiles
          search={search}
          summary={summary.data}
          timeToPublish={ttp.data}
          settings={settings}
          repeated={repeated.data}
        />
        <p class="field-hint">
          <a href={csvUrl('summary', q)} download>
            Download these numbers as CSV
          </a>
        </p>
      </section>
      <TrendCharts
        search={search}
        query={q}
        bucket={state.bucket}
        points={series.data}
        failed={series.error !== null}
      />
      <Section
        id="dashboard-matrix"
        title="Whose knowledge helps whom"
        intro="Contacts solved with an article: the article's department against the agent's."
        loaded={matrix}
      >
        {matrix.data && matrix.data.length === 0 ? (
          <p class="queue-empty">No contacts solved with an article in this period.</p>
        ) : (
          <HeatMap search={search} query={q} cells={matrix.data ?? []} departments={departments} />
        )}
      </Section>
      <Section
        id="dashboard-gaps"
        title="Content gaps"
        intro={
          'What agents searched for and did not find, grouped by query.' +
          (q.articleDepartment
            ? ' Not filtered by the articles’ department: no article was found.'
            : '')
        }
        loaded={gaps}
      >
        {gaps.data && <GapTables query={gapQuery} gaps={gaps.data} limit={GAP_LIMIT} />}
      </Section>
      <Section id="dashboard-articles" title="Article impact" loaded={articles}>
        {articles.data && (
          <ArticleImpact query={q} articles={articles.data} departments={departments} />
        )}
      </Section>
    </>
  );
}
