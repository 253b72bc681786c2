import type { Location } from '../routes';

/** Facet filters; one value each, as the search API takes them. */
export interface Filters {
  department?: string;
  product?: string;
}

/** The console's state that lives in the URL: ?q=&department=&product= */
export function readConsoleUrl(loc: Location): { q: string; filters: Filters } {
  const p = new URLSearchParams(loc.search);
  return {
    q: p.get('q') ?? '',
    filters: {
      department: p.get('department') || undefined,
      product: p.get('product') || undefined,
    },
  };
}

export function consoleUrl(q: string, filters: Filters): string {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (filters.department) p.set('department', filters.department);
  if (filters.product) p.set('product', filters.product);
  const s = p.toString();
  return s ? `/?${s}` : '/';
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return (a.department ?? '') === (b.department ?? '') && (a.product ?? '') === (b.product ?? '');
}
