/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (= + - @ at the start) get a
 * leading apostrophe: exported queries are typed by agents, so they are untrusted text.
 * Columns are given, so an export with no rows still says what it would hold; the header row
 * names them, or says `headers` (same order) when given.
 */
export function toCsv(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  headers: readonly string[] = columns,
): string {
  const cell = (v: unknown) => {
    let s =
      v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [headers.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))]
    .map((line) => `${line}\r\n`)
    .join('');
}
