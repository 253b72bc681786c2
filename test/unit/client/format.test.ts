import {
  count,
  duration,
  NONE,
  percent,
  percentValue,
  pointsBetween,
} from '../../../client/src/dashboard/format';
import { canEdit, formatDay } from '../../../client/src/ui/format';

describe('numbers as managers read them', () => {
  it('never shows NaN: nothing to divide by is a dash', () => {
    expect(percent(null)).toBe(NONE);
    expect(percent(Number.NaN)).toBe(NONE);
    expect(count(undefined)).toBe(NONE);
    expect(duration(Number.POSITIVE_INFINITY)).toBe(NONE);
  });

  it('rounds rates to whole percentages and chart values to one decimal', () => {
    expect(percent(0.756)).toBe('76 %');
    expect(percentValue(0.7564)).toBe(75.6);
    expect(percentValue(null)).toBeNull();
  });

  it('gives the gap between two rates in points', () => {
    expect(pointsBetween(0.8, 0.72)).toBe(8);
    expect(pointsBetween(0.8, null)).toBeNull();
  });

  it('reads durations in hours, then days', () => {
    expect(duration(5)).toMatch(/^5 h$/);
    expect(duration(77)).toMatch(/^3\.2 days$/);
  });
});

describe('dates and roles', () => {
  it('formats a calendar day in UTC, so it never shifts a day; bad input stays as it is', () => {
    expect(formatDay('2026-01-31')).toContain('31');
    expect(formatDay('not a day')).toBe('not a day');
  });

  it('lets engineers and admins edit', () => {
    expect(['agent', 'engineer', 'manager', 'admin'].filter(canEdit)).toEqual([
      'engineer',
      'admin',
    ]);
  });
});
