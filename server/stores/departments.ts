import type { DepartmentKind } from '../contract/enums';
import type { Queryable } from '../db/connection';

export interface DepartmentRow {
  id: number;
  slug: string;
  name: string;
  kind: DepartmentKind;
  /** when it was archived; null while it takes new users and escalations */
  archivedAt: string | null;
}

const COLUMNS = 'id, slug, name, kind, archived_at AS archivedAt';

export const listDepartments = (db: Queryable) =>
  db.all<DepartmentRow>(`SELECT ${COLUMNS} FROM departments ORDER BY name`);

export const findDepartmentBySlug = (db: Queryable, slug: string) =>
  db.get<DepartmentRow>(`SELECT ${COLUMNS} FROM departments WHERE slug = ?`, [slug]);

export const findDepartmentById = (db: Queryable, id: number) =>
  db.get<DepartmentRow>(`SELECT ${COLUMNS} FROM departments WHERE id = ?`, [id]);

export type DepartmentFields = Pick<DepartmentRow, 'slug' | 'name' | 'kind'>;

/** A new department; its id. */
export async function insertDepartment(db: Queryable, d: DepartmentFields): Promise<number> {
  const { lastID } = await db.run('INSERT INTO departments (slug, name, kind) VALUES (?, ?, ?)', [
    d.slug,
    d.name,
    d.kind,
  ]);
  return lastID;
}

export const updateDepartment = (
  db: Queryable,
  id: number,
  d: Pick<DepartmentRow, 'name' | 'kind' | 'archivedAt'>,
) =>
  db.run('UPDATE departments SET name = ?, kind = ?, archived_at = ? WHERE id = ?', [
    d.name,
    d.kind,
    d.archivedAt,
    id,
  ]);

/** Creates the department or updates its name and kind; returns its id. */
export async function upsertDepartment(db: Queryable, d: DepartmentFields): Promise<number> {
  await db.run(
    `INSERT INTO departments (slug, name, kind) VALUES (?, ?, ?)
     ON CONFLICT (slug) DO UPDATE SET name = excluded.name, kind = excluded.kind`,
    [d.slug, d.name, d.kind],
  );
  const row = await findDepartmentBySlug(db, d.slug);
  return row!.id;
}
