// Numbers as managers read them: never NaN, "—" when there is nothing to divide by.

export const NONE = '—';

const intFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function count(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? NONE : intFmt.format(n);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount in a currency (ISO 4217 code), in the reader's locale: "$1,234", "1.234 €". */
export function money(n: number | null | undefined, currency: string): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NONE;
  // whole amounts read faster on a dashboard ("$2,115"); cents show only when there are any
  const whole = Number.isInteger(n);
  const key = `${currency}:${whole}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      ...(whole && { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
    });
    moneyFormats.set(key, f);
  }
  return f.format(n);
}

/** A 0–1 rate as a whole percentage ("76 %"); "—" for null. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined || !Number.isFinite(rate)
    ? NONE
    : `${Math.round(rate * 100)} %`;
}

/** A rate as a number for charts (null stays a gap in the line). */
export function percentValue(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined || !Number.isFinite(rate)
    ? null
    : Math.round(rate * 1000) / 10;
}

/** Percentage points between two rates ("8 points"), or null when either is missing. */
export function pointsBetween(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.round(a * 100) - Math.round(b * 100);
}

/** Hours as a duration a person reads at a glance: "5 h", "3.2 days". */
export function duration(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return NONE;
  if (hours < 48) return `${oneDecimal.format(hours)} h`;
  return `${oneDecimal.format(hours / 24)} days`;
}

const shortDay = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** "3 Nov" for a UTC calendar day (chart labels). */
export function shortDate(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : shortDay.format(d);
}
