import { navigate } from '../router';
import { formatDay } from '../ui/format';
import { Link } from '../ui/Link';
import { addDays, dashboardHref, drillHref, type Narrow } from './dashboardUrl';
import { count, NONE, percent, percentValue, shortDate } from './format';
import {
  csvUrl,
  type Bucket,
  type DrillMetric,
  type SeriesPoint,
  type StatsQuery,
} from './statsApi';
import { cssColor, TrendChart, type Series } from './TrendChart';
import { TableScroll } from '../ui/TableScroll';

interface Props {
  search: string;
  query: StatsQuery;
  bucket: Bucket;
  points: SeriesPoint[] | null;
  /** The series could not be loaded (the page says why). */
  failed?: boolean;
}

/** The stylesheet's colour roles, so the charts follow light and dark schemes. */
const COLORS = {
  claimed: '--accent',
  verified: '--success',
  escalation: '--danger',
  avoided: '--accent',
};

/** One value of a chart: how it reads in the data table and which contacts are behind it. */
interface Column {
  label: string;
  value: (p: SeriesPoint) => number | null;
  text: (p: SeriesPoint) => string;
  metric: DrillMetric;
}

const bucketDay = (p: SeriesPoint) => p.day ?? p.week ?? '';

/** A bucket's days inside the page's range (a week may start before `from`). */
function bucketRange(day: string, bucket: Bucket, q: StatsQuery): Narrow {
  if (bucket === 'day') return { from: day, to: day };
  const end = addDays(day, 6);
  return { from: day < q.from ? q.from : day, to: end > q.to ? q.to : end };
}

/** "Claimed from 74 % to 79 %, lowest 70 %, highest 81 %": the chart's shape in words. */
function describeSeries(label: string, values: (number | null)[], unit: string): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return `${label}: no values.`;
  const f = (v: number) => `${Math.round(v * 10) / 10}${unit}`;
  return (
    `${label} from ${f(known[0]!)} to ${f(known[known.length - 1]!)}, ` +
    `lowest ${f(Math.min(...known))}, highest ${f(Math.max(...known))}.`
  );
}

interface ChartBlockProps extends Props {
  points: SeriesPoint[];
  title: string;
  kind: 'line' | 'bar';
  percent?: boolean;
  fullScale?: boolean;
  columns: Column[];
  colors: string[];
  note?: string;
}

function ChartBlock(p: ChartBlockProps) {
  const labels = p.points.map((pt) => shortDate(bucketDay(pt)));
  const series: Series[] = p.columns.map((c, i) => ({
    label: c.label,
    data: p.points.map(c.value),
    color: cssColor(p.colors[i] ?? COLORS.claimed),
    dashed: i > 0,
  }));
  const per = p.bucket === 'day' ? 'per day' : 'per week';
  const unit = p.percent ? ' %' : '';
  const description =
    `${p.title}, ${per}, ${formatDay(p.query.from)} to ${formatDay(p.query.to)}. ` +
    series.map((s) => describeSeries(s.label, s.data, unit)).join(' ') +
    ' Every value is in the table below the chart.';
  const drill = (pt: SeriesPoint, metric: DrillMetric) =>
    drillHref(p.search, metric, bucketRange(bucketDay(pt), p.bucket, p.query));

  return (
    <figure class="dashboard-chart">
      <figcaption class="dashboard-chart-title">
        <h3>{p.title}</h3>
        {p.note && <p class="field-hint">{p.note}</p>}
      </figcaption>
      <TrendChart
        kind={p.kind}
        labels={labels}
        series={series}
        percent={p.percent}
        fullScale={p.fullScale}
        description={description}
        onPick={(i) => {
          const pt = p.points[i];
          const col = p.columns[0];
          if (pt && col) navigate(drill(pt, col.metric));
        }}
      />
      <details class="dashboard-chart-data">
        <summary>Data table: {p.title.toLowerCase()}</summary>
        <TableScroll label={`${p.title} data`}>
          <table class="data-table">
            <caption class="visually-hidden">
              {p.title}, {per}; each value links to its contacts
            </caption>
            <thead>
              <tr>
                <th scope="col">{p.bucket === 'day' ? 'Day' : 'Week of'}</th>
                {p.columns.map((c) => (
                  <th key={c.label} scope="col" class="num">
                    {c.label}
                  </th>
                ))}
                <th scope="col" class="num">
                  Contacts
                </th>
              </tr>
            </thead>
            <tbody>
              {p.points.map((pt) => (
                <tr key={bucketDay(pt)}>
                  <th scope="row">{formatDay(bucketDay(pt))}</th>
                  {p.columns.map((c) => (
                    <td key={c.label} class="num">
                      {c.value(pt) === null ? (
                        NONE
                      ) : (
                        <Link href={drill(pt, c.metric)}>{c.text(pt)}</Link>
                      )}
                    </td>
                  ))}
                  <td class="num">
                    <Link href={drill(pt, 'all')}>{count(pt.contacts)}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}

/** Trends per day or week: is FCR real, are escalations falling, what did sharing avoid. */
export function TrendCharts(props: Props) {
  const { search, query, bucket, points } = props;
  return (
    <section class="dashboard-section" aria-labelledby="dashboard-trends">
      <div class="dashboard-section-head">
        <h2 id="dashboard-trends">Trends</h2>
        <div class="facet-group" role="group" aria-label="Chart per">
          {(['day', 'week'] as const).map((b) => (
            <button
              key={b}
              type="button"
              class={b === bucket ? 'facet is-on' : 'facet'}
              aria-pressed={b === bucket ? 'true' : 'false'}
              onClick={() => navigate(dashboardHref(search, { bucket: b }))}
            >
              Per {b}
            </button>
          ))}
        </div>
        <a class="button button-small" href={csvUrl('series', query, { bucket })} download>
          CSV<span class="visually-hidden"> of the trends per {bucket}</span>
        </a>
      </div>
      {!points && <p class="queue-empty">{props.failed ? 'Not available.' : 'Loading…'}</p>}
      {points && points.length === 0 && <p class="queue-empty">No contacts in this period.</p>}
      {points && points.length > 0 && (
        <div class="dashboard-charts">
          <ChartBlock
            {...props}
            points={points}
            title="FCR claimed vs verified"
            kind="line"
            percent
            fullScale
            colors={[COLORS.claimed, COLORS.verified]}
            note="Verified appears once a period's repeat window has ended."
            columns={[
              {
                label: 'Claimed',
                value: (p) => percentValue(p.fcrClaimed),
                text: (p) => percent(p.fcrClaimed),
                metric: 'solved',
              },
              {
                label: 'Verified',
                value: (p) => percentValue(p.fcrVerified),
                text: (p) => percent(p.fcrVerified),
                metric: 'verified',
              },
            ]}
          />
          <ChartBlock
            {...props}
            points={points}
            title="Escalation rate"
            kind="line"
            percent
            colors={[COLORS.escalation]}
            columns={[
              {
                label: 'Escalation rate',
                value: (p) => percentValue(p.escalationRate),
                text: (p) => percent(p.escalationRate),
                metric: 'escalated',
              },
            ]}
          />
          <ChartBlock
            {...props}
            points={points}
            title="Escalations avoided"
            kind="bar"
            colors={[COLORS.avoided]}
            note="Solved with another department's article."
            columns={[
              {
                label: 'Avoided',
                value: (p) => p.escalationsAvoided,
                text: (p) => count(p.escalationsAvoided),
                metric: 'avoided',
              },
            ]}
          />
        </div>
      )}
    </section>
  );
}
