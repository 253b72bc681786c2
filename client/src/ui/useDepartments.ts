import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, isAbort } from '../api';
import type { Department } from '../../../server/contract/types';

export interface DepartmentsState {
  departments: Department[] | null;
  error: string | null;
}

/** The department list (small, rarely changes): loaded once per page. */
export function useDepartments(): DepartmentsState {
  const [state, setState] = useState<DepartmentsState>({ departments: null, error: null });
  useEffect(() => {
    const ctrl = new AbortController();
    api.departments(ctrl.signal).then(
      (departments) => setState({ departments, error: null }),
      (err: unknown) => {
        if (!isAbort(err)) setState({ departments: null, error: errorMessage(err) });
      },
    );
    return () => ctrl.abort();
  }, []);
  return state;
}
