import { useId, useState } from 'preact/hooks';
import type { SearchFacets } from '../../../server/contract/types';
import type { Filters } from './consoleUrl';

interface Option {
  value: string;
  label: string;
  count: number | null;
}

/** Products beyond this many wait behind "More", so the first results stay above the fold. */
const FEW = 5;

function FacetGroup(props: {
  label: string;
  options: Option[];
  active: string | undefined;
  onToggle: (value: string | undefined) => void;
}) {
  const { label, options, active, onToggle } = props;
  const labelId = useId();
  const [all, setAll] = useState(false);
  // The active filter stays clickable even when the new results no longer count it.
  const listed =
    active && !options.some((o) => o.value === active)
      ? [{ value: active, label: active, count: null }, ...options]
      : options;
  if (listed.length === 0) return null;
  const shown = all ? listed : listed.filter((o, i) => i < FEW || o.value === active);
  const hidden = listed.length - shown.length;
  return (
    <div class="facet-group" role="group" aria-labelledby={labelId}>
      <span class="facet-label" id={labelId}>
        {label}
      </span>
      {shown.map((o) => {
        const on = o.value === active;
        return (
          <button
            key={o.value}
            type="button"
            class={on ? 'facet is-on' : 'facet'}
            aria-pressed={on ? 'true' : 'false'}
            onClick={() => onToggle(on ? undefined : o.value)}
          >
            {o.label} {o.count !== null && <span class="facet-count">{o.count}</span>}
          </button>
        );
      })}
      {hidden > 0 && (
        <button type="button" class="link-button facet-more" onClick={() => setAll(true)}>
          {hidden} more {label.toLowerCase()}s
        </button>
      )}
    </div>
  );
}

interface Props {
  facets: SearchFacets | undefined;
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** Department and product filters with counts: toggle buttons, kept in the URL. */
export function Facets({ facets, filters, onChange }: Props) {
  const departments: Option[] = (facets?.departments ?? []).map((d) => ({
    value: d.slug,
    label: d.name,
    count: d.count,
  }));
  const products: Option[] = (facets?.products ?? []).map((p) => ({
    value: p.name,
    label: p.name,
    count: p.count,
  }));
  if (departments.length + products.length === 0 && !filters.department && !filters.product) {
    return null;
  }
  return (
    <div class="facets">
      <h3 class="visually-hidden">Filters</h3>
      <FacetGroup
        label="Department"
        options={departments}
        active={filters.department}
        onToggle={(department) => onChange({ ...filters, department })}
      />
      <FacetGroup
        label="Product"
        options={products}
        active={filters.product}
        onToggle={(product) => onChange({ ...filters, product })}
      />
      {(filters.department || filters.product) && (
        <button type="button" class="link-button facet-clear" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </div>
  );
}
