import type { DepartmentCreate, DepartmentUpdate } from '../../contract/departments';
import type { Database, Queryable } from '../../db/connection';
import type { Actor } from '../../domain/roles';
import { badRequest, conflict, notFound } from '../../errors';
import { insertAudit } from '../../stores/audit';
import {
  findDepartmentBySlug,
  insertDepartment,
  updateDepartment,
  type DepartmentRow,
} from '../../stores/departments';

/** An archived department keeps its articles and history; nobody new joins or is sent to it. */
export function assertTakesNew(d: DepartmentRow, field = 'department'): void {
  if (d.archivedAt !== null)
    throw badRequest('department_archived', `The ${d.name} department is archived.`, field);
}

export async function createDepartment(db: Database, actor: Actor, input: DepartmentCreate) {
  return db.transaction(async (tx) => {
    if (await findDepartmentBySlug(tx, input.slug))
      throw conflict('department_exists', `A department "${input.slug}" exists already.`, 'slug');
    const id = await insertDepartment(tx, input);
    await audit(tx, actor, 'department.create', id, { ...input });
    return (await findDepartmentBySlug(tx, input.slug))!;
  });
}

export async function changeDepartment(
  db: Database,
  actor: Actor,
  slug: string,
  input: DepartmentUpdate,
) {
  return db.transaction(async (tx) => {
    const before = await findDepartmentBySlug(tx, slug);
    if (!before) throw notFound('That department');
    const archivedAt =
      input.archived === undefined
        ? before.archivedAt
        : input.archived
          ? (before.archivedAt ?? new Date().toISOString())
          : null;
    const after = {
      name: input.name ?? before.name,
      kind: input.kind ?? before.kind,
      archivedAt,
    };
    const changed = Object.fromEntries(
      (['name', 'kind'] as const)
        .filter((k) => after[k] !== before[k])
        .map((k) => [k, { from: before[k], to: after[k] }]),
    );
    const archiving = (before.archivedAt === null) !== (archivedAt === null);
    if (Object.keys(changed).length === 0 && !archiving) return before;
    await updateDepartment(tx, before.id, after);
    if (Object.keys(changed).length > 0)
      await audit(tx, actor, 'department.update', before.id, changed);
    if (archiving)
      await audit(
        tx,
        actor,
        archivedAt ? 'department.archive' : 'department.unarchive',
        before.id,
        {},
      );
    return (await findDepartmentBySlug(tx, slug))!;
  });
}

const audit = (
  tx: Queryable,
  actor: Actor,
  action: string,
  id: number,
  detail: Record<string, unknown>,
) => insertAudit(tx, { actorId: actor.id, action, entity: 'department', entityId: id, detail });
