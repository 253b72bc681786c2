// The seven settings (server: services/settings.ts), their bounds and what they change.
import { currencyProblem, normalizeCurrency } from '../../../server/contract/currency';
import type { Settings } from '../../../server/contract/types';

interface Meta {
  label: string;
  meaning: string;
  unit?: string;
}

export interface NumberSettingMeta extends Meta {
  kind: 'number';
  key: Exclude<keyof Settings, 'currency'>;
  min: number;
  max: number;
  /** Whole numbers only (the two costs may have cents). */
  integer: boolean;
  /** The amount is money, in the currency setting. */
  money?: true;
}

export interface CurrencySettingMeta extends Meta {
  kind: 'currency';
  key: 'currency';
}

export type SettingMeta = NumberSettingMeta | CurrencySettingMeta;

export const SETTINGS: SettingMeta[] = [
  {
    kind: 'number',
    key: 'fcrWindowDays',
    label: 'First-contact resolution window',
    meaning:
      'A solved contact counts as first-contact resolution unless the same customer calls again within this many days.',
    min: 1,
    max: 90,
    integer: true,
    unit: 'days',
  },
  {
    kind: 'number',
    key: 'costEscalated',
    label: 'Cost of an escalated contact',
    meaning: 'What one escalated contact costs; used to value escalations avoided.',
    min: 0,
    max: 100_000,
    integer: false,
    money: true,
  },
  {
    kind: 'number',
    key: 'costFirstContact',
    label: 'Cost of a first-contact resolution',
    meaning: 'What one contact solved on the first call costs; the saving is the difference.',
    min: 0,
    max: 100_000,
    integer: false,
    money: true,
  },
  {
    kind: 'currency',
    key: 'currency',
    label: 'Currency',
    meaning:
      'The currency of both costs: the dashboard shows escalations avoided in it, and CSV exports name it in the money column. A three-letter ISO 4217 code, like USD, EUR or GBP.',
  },
  {
    kind: 'number',
    key: 'verifyIntervalDays',
    label: 'Verify interval',
    meaning:
      'A validated article must be verified again after this many days (unless the article sets its own); after that it shows as Stale.',
    min: 1,
    max: 3650,
    integer: true,
    unit: 'days',
  },
  {
    kind: 'number',
    key: 'failThreshold',
    label: 'Failing threshold',
    meaning:
      'A validated article tried without solving this many times in 30 days is flagged as failing in its department’s queue.',
    min: 1,
    max: 1000,
    integer: true,
    unit: 'tries',
  },
  {
    kind: 'number',
    key: 'promoteThreshold',
    label: 'Promotion threshold',
    meaning:
      'A not-validated article that solved contacts for this many different agents is validated automatically.',
    min: 1,
    max: 1000,
    integer: true,
    unit: 'agents',
  },
];

export type Parsed = { value: number | string } | { error: string };

/** The form's text → a value within bounds (the server's own check for a currency), or why not. */
export function parseSetting(meta: SettingMeta, text: string): Parsed {
  if (meta.kind === 'currency') {
    const problem = currencyProblem(text);
    return problem === null ? { value: normalizeCurrency(text) } : { error: problem };
  }
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return { error: 'Enter a number.' };
  if (meta.integer && !Number.isInteger(n)) return { error: 'Enter a whole number.' };
  if (n < meta.min || n > meta.max) return { error: `Between ${meta.min} and ${meta.max}.` };
  return { value: n };
}
