import type { AuditRow } from '../stores/audit';
import { toCsv } from './csv';

const COLUMNS = [
  'at',
  'actorId',
  'actorName',
  'action',
  'entity',
  'entityId',
  'entityLabel',
  'detail',
] as const;

/**
 * The audit log as RFC 4180 CSV, one entry a row, the detail as its JSON. Named by the range
 * asked (`firstcall-audit-2026-11-01-to-2026-11-30.csv`); an open end says `start` or the day
 * of the export.
 */
export function auditCsv(
  rows: readonly AuditRow[],
  range: { from?: string; to?: string },
  today: string,
): { fileName: string; body: string } {
  return {
    fileName: `firstcall-audit-${range.from ?? 'start'}-to-${range.to ?? today}.csv`,
    body: toCsv(rows as unknown as Record<string, unknown>[], COLUMNS),
  };
}
