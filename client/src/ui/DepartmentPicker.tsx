import { navigate } from '../router';
import type { Department } from '../../../server/contract/types';

interface Props {
  /** "/queue" or "/impact". */
  base: string;
  current: string;
  departments: Department[];
}

/** Managers and admins switch between departments; the choice is the URL, so it can be shared. */
export function DepartmentPicker({ base, current, departments }: Props) {
  return (
    <div class="field department-picker">
      <label for="department-picker">Department</label>
      <select
        id="department-picker"
        value={current}
        onChange={(e) => navigate(`${base}/${encodeURIComponent(e.currentTarget.value)}`)}
      >
        {departments.map((d) => (
          <option key={d.slug} value={d.slug}>
            {d.name}
          </option>
        ))}
      </select>
    </div>
  );
}
