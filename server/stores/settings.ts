import type { Queryable } from '../db/connection';

export const readSettings = async (db: Queryable) =>
  (await db.all<{ key: string; value: string }>('SELECT key, value FROM settings')).map(
    (r) => [r.key, JSON.parse(r.value) as unknown] as const,
  );

export const writeSetting = (
  db: Queryable,
  key: string,
  value: unknown,
  at: string,
  by: number | null,
) =>
  db.run(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
    [key, JSON.stringify(value), at, by],
  );
