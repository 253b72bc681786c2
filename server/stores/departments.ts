import type { Queryable } from '../db/connection';

export interface DepartmentRow {
  id: number;
  slug: string;
  name: string;
  kind: 'frontline' | 'engineering';
}

const COLUMNS = 'id, slug, name, kind';

export const listDepartments = (db: Queryable) =>
  db.all<DepartmentRow>(`SELECT ${COLUMNS} FROM departments ORDER BY name`);

export const findDepartmentBySlug = (db: Queryable, slug: string) =>
  db.get<DepartmentRow>(`SELECT ${COLUMNS} FROM departments WHERE slug = ?`, [slug]);

export const findDepartmentById = (db: Queryable, id: number) =>
  db.get<DepartmentRow>(`SELECT ${COLUMNS} FROM departments WHERE id = ?`, [id]);

/** Creates the department or updates its name and kind; returns its id. */
export async function upsertDepartment(
  db: Queryable,
  d: Omit<DepartmentRow, 'id'>,
): Promise<number> {
  await db.run(
    `INSERT INTO departments (slug, name, kind) VALUES (?, ?, ?)
     ON CONFLICT (slug) DO UPDATE SET name = excluded.name, kind = excluded.kind`,
    [d.slug, d.name, d.kind],
  );
  const row = await findDepartmentBySlug(db, d.slug);
  return row!.id;
}
