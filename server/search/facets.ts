import type { SearchDoc } from './document';

export interface Facet {
  slug?: string;
  name: string;
  count: number;
}

export interface Facets {
  departments: Facet[];
  products: Facet[];
}

/** Department and product counts over the ranked window, before any filter narrows it. */
export function countFacets(docs: readonly SearchDoc[]): Facets {
  return {
    departments: count(docs, (d) => [
      { key: d.department.slug, slug: d.department.slug, name: d.department.name },
    ]),
    products: count(docs, (d) => d.products.map((p) => ({ key: p, name: p }))),
  };
}

/** Counts per facet value, most frequent first (then by name); a hit counts once per value. */
function count(
  docs: readonly SearchDoc[],
  values: (d: SearchDoc) => { key: string; name: string; slug?: string }[],
): Facet[] {
  const counts = new Map<string, Facet>();
  for (const d of docs) {
    const keys = new Set<string>();
    for (const { key, name, slug } of values(d)) {
      const k = key.toLowerCase();
      if (keys.has(k)) continue;
      keys.add(k);
      const facet = counts.get(k) ?? { ...(slug && { slug }), name, count: 0 };
      facet.count++;
      counts.set(k, facet);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
