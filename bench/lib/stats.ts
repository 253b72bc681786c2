/** Percentiles and the plain-text tables the bench prints. */

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length
      ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
      : NaN;
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return {
    count: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    mean: round(mean),
  };
}

/** 3 significant decimals for small figures, fewer for large ones: readable and JSON-friendly. */
export function round(v: number): number {
  if (!Number.isFinite(v)) return v;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
  return Number(v.toFixed(digits));
}

export const mb = (bytes: number) => Math.round(bytes / 1048576);

export type Cell = string | number | boolean | null | undefined;

export function printTable(title: string, rows: Record<string, Cell>[]): void {
  console.log(`\n${title}`);
  if (rows.length === 0) {
    console.log('  (nothing measured)');
    return;
  }
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const text = (c: Cell) => (c === null || c === undefined ? '–' : String(c));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => text(r[c]).length)));
  const line = (cells: string[]) =>
    '  ' +
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(columns.map((c) => text(r[c]))));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves with whether `p` settled within `ms` (and how long it took); never hangs the bench. */
export async function within(
  p: Promise<unknown>,
  ms: number,
): Promise<{ ok: boolean; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const ok = await Promise.race([
    p.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]);
  clearTimeout(timer);
  return { ok, ms: round(performance.now() - started) };
}

/** Runs a full garbage collection when the process was started with --expose-gc. */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}
