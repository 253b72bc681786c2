/**
 * The statistics' metrics (DESIGN §3), once: the summary and every series point are these keys
 * in this order (so are the CSV columns), the dashboard's tiles show them, and the drill-down
 * lists the contacts behind them. Plain data, read by the server, the client and the tests.
 *
 * A metric is made of facts: counts of closed contacts. A contact fact is one column of the
 * view stats_contact_facts (what one contact is: solved or not, linked or not…) and the same
 * column of the daily roll-up contact_days, both named in snake_case (`followUp` →
 * `follow_up`); the drill-down lists the contacts whose column is true. Window facts depend on
 * the repeat-window setting and come from solve_repeat_days instead (stores/stats.ts).
 */
export const CONTACT_FACTS = [
  'contacts',
  'solved',
  'escalated',
  'followUp',
  'avoided',
  'linked',
  'solvedWithArticle',
  'reused',
] as const;
export const WINDOW_FACTS = ['verifiedEligible', 'verified', 'repeated'] as const;
export type ContactFact = (typeof CONTACT_FACTS)[number];
export type WindowFact = (typeof WINDOW_FACTS)[number];
export type Fact = ContactFact | WindowFact;
export type Counts = Record<Fact, number>;

/**
 * The lists of contacts behind a number (GET /api/stats/contacts?metric=), in the words of
 * DESIGN §3; `{days}` is the repeat window. Each counts one fact, except a cross-silo matrix
 * cell (`solvedWith`: solved with an article of the article-department filter) and the
 * "needs an article" escalations behind time to publish (`published`), which have their own
 * totals.
 */
export const DRILLS = {
  all: {
    fact: 'contacts',
    title: 'All closed contacts',
    meaning: 'Every contact closed in the period.',
  },
  solved: {
    fact: 'solved',
    title: 'Solved on first contact',
    meaning: 'FCR claimed: closed as solved.',
  },
  escalated: {
    fact: 'escalated',
    title: 'Escalated contacts',
    meaning: 'Handed to another department.',
  },
  followUp: {
    fact: 'followUp',
    title: 'Follow-up contacts',
    meaning: 'Not resolved, not escalated.',
  },
  verified: {
    fact: 'verified',
    title: 'Verified first-contact resolutions',
    meaning:
      'Solved, with a customer reference, and no other contact from that customer within {days} days.',
  },
  repeated: {
    fact: 'repeated',
    title: 'Solved, but the customer came back',
    meaning:
      'Closed as solved, yet the same customer reference contacted again within {days} days: the gap between claimed and verified FCR.',
  },
  avoided: {
    fact: 'avoided',
    title: 'Escalations avoided',
    meaning: "Solved with an article owned by another department than the agent's.",
  },
  linked: {
    fact: 'linked',
    title: 'Contacts linked to an article',
    meaning: 'An article solved it or was tried.',
  },
  reused: {
    fact: 'reused',
    title: 'Solved by reusing an article',
    meaning: 'Solved with an article that existed before the contact started.',
  },
  solvedWith: {
    fact: null,
    title: 'Solved with that department’s articles',
    meaning: 'Solved with an article owned by the chosen article department (a cross-silo cell).',
  },
  published: {
    fact: null,
    title: 'Escalations that got their article',
    meaning:
      'Escalated with “needs an article”, and the article written for it is published: the requests behind time to publish.',
  },
} as const satisfies Record<string, { fact: Fact | null; title: string; meaning: string }>;
export type DrillMetric = keyof typeof DRILLS;
export const DRILL_METRICS = Object.keys(DRILLS) as [DrillMetric, ...DrillMetric[]];

/**
 * count: the numerator itself; rate: numerator ÷ denominator, a fraction 0–1, null when the
 * denominator is 0; money: the numerator × (cost of an escalated contact − cost of a
 * first-contact resolution), both settings.
 */
export type MetricKind = 'count' | 'rate' | 'money';

export interface Metric {
  /** its key in the summary and the series, and its CSV column */
  key: string;
  label: string;
  kind: MetricKind;
  numerator: Fact;
  /** rates only */
  denominator?: Fact;
  /** the contacts behind the number (none for a denominator alone) */
  drill?: DrillMetric;
  /** a headline tile on the dashboard, in this order */
  tile?: true;
}

export const METRICS = [
  {
    key: 'contacts',
    label: 'Contacts',
    kind: 'count',
    numerator: 'contacts',
    drill: 'all',
    tile: true,
  },
  { key: 'solved', label: 'Solved', kind: 'count', numerator: 'solved', drill: 'solved' },
  {
    key: 'escalated',
    label: 'Escalated',
    kind: 'count',
    numerator: 'escalated',
    drill: 'escalated',
  },
  { key: 'followUp', label: 'Follow-up', kind: 'count', numerator: 'followUp', drill: 'followUp' },
  {
    key: 'fcrClaimed',
    label: 'FCR claimed',
    kind: 'rate',
    numerator: 'solved',
    denominator: 'contacts',
    drill: 'solved',
    tile: true,
  },
  {
    key: 'fcrVerified',
    label: 'FCR verified',
    kind: 'rate',
    numerator: 'verified',
    denominator: 'verifiedEligible',
    drill: 'verified',
    tile: true,
  },
  {
    key: 'fcrVerifiedEligible',
    label: 'FCR verified: eligible contacts',
    kind: 'count',
    numerator: 'verifiedEligible',
  },
  {
    key: 'escalationRate',
    label: 'Escalation rate',
    kind: 'rate',
    numerator: 'escalated',
    denominator: 'contacts',
    drill: 'escalated',
    tile: true,
  },
  {
    key: 'escalationsAvoided',
    label: 'Escalations avoided',
    kind: 'count',
    numerator: 'avoided',
    drill: 'avoided',
    tile: true,
  },
  {
    key: 'escalationsAvoidedValue',
    label: 'Escalations avoided: value',
    kind: 'money',
    numerator: 'avoided',
    drill: 'avoided',
  },
  {
    key: 'linkRate',
    label: 'Link rate',
    kind: 'rate',
    numerator: 'linked',
    denominator: 'contacts',
    drill: 'linked',
    tile: true,
  },
  {
    key: 'reuseRate',
    label: 'Reuse rate',
    kind: 'rate',
    numerator: 'reused',
    denominator: 'solvedWithArticle',
    drill: 'reused',
    tile: true,
  },
] as const satisfies readonly Metric[];

type Entry = (typeof METRICS)[number];
export type MetricKey = Entry['key'];
/** The summary (and each series point without its bucket): rates may be null. */
export type MetricValues = {
  [K in MetricKey]: Extract<Entry, { key: K }>['kind'] extends 'rate' ? number | null : number;
};
export const METRIC_KEYS = METRICS.map((m) => m.key);
