const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * Contacts per UTC day, summing exactly to `total`: weekdays full, weekends a third, ±20%
 * noise, opening hours 07:00–21:00, and nothing that would close in the future (the last
 * contact starts at least 30 minutes before `now`).
 */
export function dailyCounts(
  total: number,
  days: number,
  now: number,
  random: () => number,
): [{ from: number; span: number }, number][] {
  const today = Math.floor(now / DAY) * DAY;
  const slots: { from: number; span: number; weight: number }[] = [];
  for (let d = days - 1; d >= 0; d--) {
    const start = today - d * DAY;
    const from = start + 7 * 3_600_000;
    const span = Math.min(14 * 3_600_000, now - 30 * MINUTE - from);
    if (span <= 0) continue;
    const weekday = new Date(start).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    slots.push({
      from,
      span,
      weight: (span / (14 * 3_600_000)) * (weekend ? 1 / 3 : 1) * (0.8 + 0.4 * random()),
    });
  }
  const sum = slots.reduce((s, x) => s + x.weight, 0);
  const exact = slots.map((s) => (s.weight / sum) * total);
  const counts = exact.map(Math.floor);
  // largest remainders get the contacts rounding left over
  const left = total - counts.reduce((s, n) => s + n, 0);
  exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, left)
    .forEach(([, i]) => counts[i]!++);
  return slots.map((s, i) => [{ from: s.from, span: s.span }, counts[i]!]);
}
