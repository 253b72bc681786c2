import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../router';
import type { Department } from '../../../server/contract/types';
import { dashboardHref, presetRange, PRESETS, type Changes } from './dashboardUrl';
import { CHANNELS, type StatsQuery } from './statsApi';
import { RANGE_ERROR_ID, type RangeError } from './rangeError';

interface Props {
  /** The current URL query, which every change rewrites. */
  search: string;
  /** The filters in force (a drill-down's narrower ones included). */
  query: StatsQuery;
  departments: Department[] | null;
  /** What is wrong with the range in force, said at the date fields (no figures meanwhile). */
  rangeError: RangeError | null;
}

const channelLabel: Record<string, string> = { phone: 'Phone', chat: 'Chat', email: 'Email' };

/** Any change of range or filter applies to the whole page: a drill-down's narrowing goes. */
const RESET_NARROW: Changes = {
  drillFrom: undefined,
  drillTo: undefined,
  drillAgent: undefined,
  drillArticle: undefined,
  offset: undefined,
};

/** Typing a year digit by digit passes through 0002, 0020, 0202: wait for a settled date. */
const SETTLE_MS = 600;

function DateField(props: {
  id: string;
  label: string;
  value: string;
  invalid: boolean;
  onCommit: (day: string) => void;
}) {
  const { id, label, value, invalid, onCommit } = props;
  const [draft, setDraft] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const commit = (day: string) => {
    window.clearTimeout(timer.current);
    // a cleared or half-typed input is not a choice yet
    if (day !== value && /^[12]\d{3}-\d{2}-\d{2}$/.test(day)) onCommit(day);
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="date"
        required
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? RANGE_ERROR_ID : undefined}
        value={draft}
        onInput={(e) => {
          const day = e.currentTarget.value;
          setDraft(day);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => commit(day), SETTLE_MS);
        }}
        onBlur={() => commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(draft);
        }}
      />
    </div>
  );
}

/** Range presets, custom days and the three filters: every choice is written to the URL. */
export function RangeFilters({ search, query, departments, rangeError }: Props) {
  const apply = (changes: Changes) =>
    navigate(dashboardHref(search, { ...RESET_NARROW, ...changes }));

  const select = (
    name: 'agentDepartment' | 'channel' | 'articleDepartment',
    label: string,
    options: { value: string; label: string }[],
  ) => {
    const value = query[name] ?? '';
    // a value from a hand-edited URL stays visible (the server explains what is wrong with it)
    const listed =
      value && !options.some((o) => o.value === value)
        ? [...options, { value, label: value }]
        : options;
    return (
      <div class="field">
        <label for={`dashboard-${name}`}>{label}</label>
        <select
          id={`dashboard-${name}`}
          value={value}
          onChange={(e) => apply({ [name]: e.currentTarget.value })}
        >
          <option value="">All</option>
          {listed.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  };

  const dateInput = (name: 'from' | 'to', label: string) => (
    <DateField
      id={`dashboard-${name}`}
      label={label}
      value={query[name]}
      invalid={rangeError !== null && rangeError.fields.includes(name)}
      onCommit={(day) => apply({ from: query.from, to: query.to, [name]: day })}
    />
  );

  const departmentOptions = (departments ?? []).map((d) => ({ value: d.slug, label: d.name }));
  const filtered = Boolean(query.agentDepartment || query.channel || query.articleDepartment);

  return (
    <div class="dashboard-controls">
      <div class="facet-group dashboard-presets" role="group" aria-label="Range">
        {PRESETS.map((days) => {
          const r = presetRange(days);
          const on = r.from === query.from && r.to === query.to;
          return (
            <button
              key={days}
              type="button"
              class={on ? 'facet is-on' : 'facet'}
              aria-pressed={on ? 'true' : 'false'}
              onClick={() => apply({ from: r.from, to: r.to })}
            >
              Last {days} days
            </button>
          );
        })}
      </div>
      <div class="filters" role="group" aria-label="Range and filters">
        {dateInput('from', 'From')}
        {dateInput('to', 'To (inclusive)')}
        {select('agentDepartment', "Agents' department", departmentOptions)}
        {select(
          'channel',
          'Channel',
          CHANNELS.map((c) => ({ value: c, label: channelLabel[c] ?? c })),
        )}
        {select('articleDepartment', "Articles' department", departmentOptions)}
        {filtered && (
          <div class="field dashboard-clear">
            <button
              type="button"
              class="link-button"
              onClick={() =>
                apply({
                  agentDepartment: undefined,
                  channel: undefined,
                  articleDepartment: undefined,
                })
              }
            >
              Clear filters
            </button>
          </div>
        )}
      </div>
      {rangeError && (
        <p id={RANGE_ERROR_ID} class="field-error dashboard-range-error" role="alert">
          {rangeError.message}
        </p>
      )}
    </div>
  );
}
