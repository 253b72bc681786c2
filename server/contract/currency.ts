/**
 * The currency setting's words, without zod, so the client can check a code as the server does.
 * ISO 4217 codes the runtime can format: Node 20 and browsers ship the same ICU list.
 */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const CURRENCY_SHAPE = 'Use a three-letter ISO 4217 currency code, like USD or EUR.';
export const CURRENCY_UNKNOWN = 'Not an ISO 4217 currency code this server knows.';

/** Surrounding spaces dropped and upper case: " eur " is EUR. */
export const normalizeCurrency = (text: string) => text.trim().toUpperCase();

/** Three letters A–Z (after normalizing). */
export const isCurrencyShape = (code: string) => /^[A-Z]{3}$/.test(code);

/** A code of the ISO 4217 list (after normalizing). */
export const isKnownCurrency = (code: string) => CURRENCIES.has(code);

/** The problem with a code, or null when it is a known ISO 4217 code. */
export function currencyProblem(text: string): string | null {
  const code = normalizeCurrency(text);
  if (!isCurrencyShape(code)) return CURRENCY_SHAPE;
  return isKnownCurrency(code) ? null : CURRENCY_UNKNOWN;
}
