import { money, NONE } from '../../../client/src/dashboard/format';
import { rangeError } from '../../../client/src/dashboard/rangeError';
import { MAX_RANGE_DAYS, rangeProblem } from '../../../server/contract/statsRange';

describe('the dashboard range, checked as the server checks it', () => {
  it('accepts one day and exactly MAX_RANGE_DAYS days', () => {
    expect(rangeProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(MAX_RANGE_DAYS).toBe(731);
    expect(rangeProblem('2025-01-01', '2027-01-01')).toBeNull(); // 731 days inclusive
  });

  it('names the field the server names: from when reversed, to when too long', () => {
    expect(rangeProblem('2026-01-02', '2026-01-01')).toEqual({ field: 'from', kind: 'reversed' });
    expect(rangeProblem('2025-01-01', '2027-01-02')).toEqual({
      field: 'to',
      kind: 'too_long',
      days: 732,
    });
    expect(rangeProblem('2026-02-30', '2026-03-01')).toEqual({ field: 'from', kind: 'not_a_day' });
    expect(rangeProblem('2026-03-01', 'soon')).toEqual({ field: 'to', kind: 'not_a_day' });
  });

  it('says it in words, marking both date fields for a reversed or too long range', () => {
    const reversed = rangeError({ from: '2026-11-30', to: '2026-09-01' })!;
    expect(reversed.fields).toEqual(['from', 'to']);
    expect(reversed.message).toMatch(/^From \(.+\) is after To \(.+\)/);
    const long = rangeError({ from: '2024-01-01', to: '2026-11-30' })!;
    expect(long.message).toContain('at most 731');
    expect(rangeError({ from: 'x', to: '2026-11-30' })).toEqual({
      fields: ['from'],
      message: expect.stringContaining('not a date'),
    });
    expect(rangeError({ from: '2026-09-01', to: '2026-11-30' })).toBeNull();
  });
});

describe('money on the dashboard', () => {
  it('formats in the currency setting, cents only when there are any', () => {
    // jest runs Node's ICU; the reader's locale is the runtime's default
    const usd = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: 'USD',
      maximumFractionDigits: 0,
    });
    expect(money(2115, 'USD')).toBe(usd.format(2115));
    expect(money(188.54, 'EUR')).toBe(
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(188.54),
    );
    expect(money(188.54, 'EUR')).toMatch(/188[.,]54/);
    expect(money(null, 'USD')).toBe(NONE);
    expect(money(Number.NaN, 'USD')).toBe(NONE);
  });
});
