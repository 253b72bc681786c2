// The six settings (server: services/settings.ts), their bounds and what they change.
import type { Settings } from '../../../server/contract/types';

export interface SettingMeta {
  key: keyof Settings;
  label: string;
  meaning: string;
  min: number;
  max: number;
  /** Whole numbers only (the two costs may have cents). */
  integer: boolean;
  unit?: string;
}

export const SETTINGS: SettingMeta[] = [
  {
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
    key: 'costEscalated',
    label: 'Cost of an escalated contact',
    meaning: 'What one escalated contact costs; used to value escalations avoided.',
    min: 0,
    max: 100_000,
    integer: false,
  },
  {
    key: 'costFirstContact',
    label: 'Cost of a first-contact resolution',
    meaning: 'What one contact solved on the first call costs; the saving is the difference.',
    min: 0,
    max: 100_000,
    integer: false,
  },
  {
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

/** The form's text → a number within bounds, or an error message. */
export function parseSetting(meta: SettingMeta, text: string): number | string {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return 'Enter a number.';
  if (meta.integer && !Number.isInteger(n)) return 'Enter a whole number.';
  if (n < meta.min || n > meta.max) return `Between ${meta.min} and ${meta.max}.`;
  return n;
}
