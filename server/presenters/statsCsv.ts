import { impactArticleResponse } from '../contract/departments';
import { METRIC_KEYS, METRICS } from '../contract/metrics';
import {
  drillContactResponse,
  gapRowResponse,
  matrixCellResponse,
  spreadResponse,
} from '../contract/stats';
import { toCsv } from './csv';

/** The keys of a response schema, in its order: a CSV's columns are its JSON row's keys. */
const keysOf = (schema: { shape: object }) => Object.keys(schema.shape);

/**
 * CSV columns of each export, in order (an empty export still has its header row). The table's
 * name is also the file's kind: `firstcall-<kind>-<from>-to-<to>.csv`.
 */
const COLUMNS = {
  summary: METRIC_KEYS,
  'series-day': ['day', ...METRIC_KEYS],
  'series-week': ['week', ...METRIC_KEYS],
  matrix: keysOf(matrixCellResponse),
  gaps: ['kind', ...keysOf(gapRowResponse)],
  'time-to-publish': ['step', ...keysOf(spreadResponse)],
  impact: keysOf(impactArticleResponse),
  drill: keysOf(drillContactResponse),
};
export type CsvTable = keyof typeof COLUMNS;

/** Rates (fractions 0–1) are written with at most 4 decimals: 0.6667, not 0.6666666666666666. */
const RATE_COLUMNS: ReadonlySet<string> = new Set([
  ...METRICS.filter((m) => m.kind === 'rate').map((m) => m.key),
  'solveRate',
]);
/** Money columns: rounded to the currency's minor unit, the currency code in their header. */
const MONEY_COLUMNS: ReadonlySet<string> = new Set(
  METRICS.filter((m) => m.kind === 'money').map((m) => m.key),
);

const RATE_DECIMALS = 4;

export const roundTo = (n: number, decimals: number) => {
  const f = 10 ** decimals;
  // Number.EPSILON: 0.00005 must round up although it is stored as 0.0000499999…
  return Math.round((n + Math.sign(n) * Number.EPSILON) * f) / f + 0;
};

/** Digits after the decimal point of a currency's amounts (USD 2, JPY 0, KWD 3). */
const minorDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

export interface CsvExport {
  fileName: string;
  body: string;
}

/**
 * One statistics export: its rows as RFC 4180 CSV (presenters/csv.ts), rates to 4 places,
 * money to the currency's minor unit under a header naming it (`escalationsAvoidedValue (USD)`),
 * so a spreadsheet sums the column as numbers and a reader sees the unit. The file is named by
 * kind and range: `firstcall-summary-2026-09-01-to-2026-11-30.csv`.
 */
export function statsCsv(
  table: CsvTable,
  rows: readonly object[],
  options: { from: string; to: string; currency: string; suffix?: string },
): CsvExport {
  const columns = COLUMNS[table];
  const money = minorDigits(options.currency);
  const rounded = (rows as readonly Record<string, unknown>[]).map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const key of columns) {
      const v = row[key];
      if (typeof v !== 'number') continue;
      if (RATE_COLUMNS.has(key)) out[key] = roundTo(v, RATE_DECIMALS);
      else if (MONEY_COLUMNS.has(key)) out[key] = roundTo(v, money);
    }
    return out;
  });
  const headers = columns.map((c) => (MONEY_COLUMNS.has(c) ? `${c} (${options.currency})` : c));
  const kind = options.suffix ? `${table}-${options.suffix}` : table;
  return {
    fileName: `firstcall-${kind}-${options.from}-to-${options.to}.csv`,
    body: toCsv(rounded, columns, headers),
  };
}
