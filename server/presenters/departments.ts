import type { Department } from '../contract/departments';
import type { DepartmentRow } from '../stores/departments';

export const presentDepartment = (d: DepartmentRow): Department => ({
  id: d.id,
  slug: d.slug,
  name: d.name,
  kind: d.kind,
  archived: d.archivedAt !== null,
});
