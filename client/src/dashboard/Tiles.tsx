import { Fragment, type ComponentChildren } from 'preact';
import {
  METRICS,
  type Metric,
  type MetricKey,
  type MetricKind,
} from '../../../server/contract/metrics';
import { Link } from '../ui/Link';
import { drillHref } from './dashboardUrl';
import { count, duration, money, NONE, percent, pointsBetween } from './format';
import type { DrillMetric, StatsSettings, Summary, TimeToPublish } from './statsApi';

interface Props {
  search: string;
  summary: Summary | null;
  timeToPublish: TimeToPublish | null;
  settings: StatsSettings | null;
  /** Solved contacts whose customer came back within the window (the claimed/verified gap). */
  repeated: number | null;
}

interface TileProps {
  label: string;
  value: string;
  children: ComponentChildren;
  /** Where the contacts behind the number are listed; none for numbers without contacts. */
  href?: string;
}

/** One headline number; the whole card is the link to its drill-down. */
function Tile({ label, value, children, href }: TileProps) {
  const body = (
    <>
      <div class="dashboard-tile-label">{label}</div>
      <div class="dashboard-tile-value">{value}</div>
      <div class="dashboard-tile-detail">{children}</div>
    </>
  );
  return (
    <li class="result dashboard-tile">
      {href ? (
        <Link href={href} class="dashboard-tile-link">
          {body}
        </Link>
      ) : (
        <div class="dashboard-tile-link">{body}</div>
      )}
    </li>
  );
}

/** The catalogue's headline metrics, in its order. */
const TILES = METRICS.filter((m) => 'tile' in m) as readonly (Metric & { key: MetricKey })[];

/** How a tile writes a metric's value. */
const SHOW: Record<MetricKind, (n: number | null) => string> = {
  count,
  rate: percent,
  money: count,
};

/**
 * The numbers a manager asks first (DESIGN §3), each explained in a line and drillable: the
 * catalogue's tiles, then the claimed/verified gap after FCR verified, and time to publish.
 */
export function Tiles({ search, summary: s, timeToPublish: ttp, settings, repeated }: Props) {
  const drill = (metric: DrillMetric) => drillHref(search, metric);
  const v = <T,>(f: (s: Summary) => T, fallback: T) => (s ? f(s) : fallback);
  const days = settings?.fcrWindowDays ?? 7;
  const gap = s ? pointsBetween(s.fcrClaimed, s.fcrVerified) : null;
  const perEscalation = settings ? settings.costEscalated - settings.costFirstContact : null;

  /** The line under a metric's number. */
  const detail: Partial<Record<MetricKey, ComponentChildren>> = {
    contacts: s
      ? `${count(s.solved)} solved · ${count(s.escalated)} escalated · ${count(s.followUp)} follow-up`
      : 'closed in the period',
    fcrClaimed: s
      ? `${count(s.solved)} of ${count(s.contacts)} closed as solved on the first contact`
      : '',
    fcrVerified: (
      <>
        no repeat from the same customer within {days} days, of{' '}
        {v((s) => count(s.fcrVerifiedEligible), NONE)} eligible contacts
      </>
    ),
    escalationRate: s
      ? `${count(s.escalated)} of ${count(s.contacts)} handed to another department`
      : '',
    escalationsAvoided: (
      <>
        solved with another department's article
        {s && perEscalation !== null && settings && (
          <>
            {' '}
            · worth {money(s.escalationsAvoidedValue, settings.currency)} at{' '}
            {money(settings.costEscalated, settings.currency)} −{' '}
            {money(settings.costFirstContact, settings.currency)} per escalation
          </>
        )}
      </>
    ),
    linkRate: 'contacts with an article solved or tried',
    reuseRate: 'solves with an article that existed before the contact',
  };

  /** Tiles that are no summary metric, after the metric they explain. */
  const after: Partial<Record<MetricKey, ComponentChildren>> = {
    fcrVerified: (
      <Tile
        label="Claimed − verified"
        value={gap === null ? NONE : `${gap} points`}
        href={drill('repeated')}
      >
        {repeated === null
          ? 'solved contacts whose customer came back'
          : `${count(repeated)} “solved” contacts came back within ${days} days`}
      </Tile>
    ),
  };

  return (
    <ul class="results-list dashboard-tiles" aria-label="Headline numbers">
      {TILES.map((m) => (
        <Fragment key={m.key}>
          <Tile
            label={m.label}
            value={v((s) => SHOW[m.kind](s[m.key]), NONE)}
            href={m.drill && drill(m.drill)}
          >
            {detail[m.key]}
          </Tile>
          {after[m.key]}
        </Fragment>
      ))}
      <Tile
        label="Time to publish"
        value={ttp ? duration(ttp.toValidated.medianHours) : NONE}
        href={drill('published')}
      >
        {ttp
          ? `median from “needs an article” to a validated article; ` +
            `p90 ${duration(ttp.toValidated.p90Hours)} (${count(ttp.toValidated.count)} requests)`
          : 'median from a “needs an article” request to a validated article'}
      </Tile>
    </ul>
  );
}
