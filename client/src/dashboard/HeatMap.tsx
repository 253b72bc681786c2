import type { Department } from '../../../server/contract/types';
import { Link } from '../ui/Link';
import { drillHref } from './dashboardUrl';
import { count } from './format';
import { csvUrl, type MatrixCell, type StatsQuery } from './statsApi';
import { TableScroll } from '../ui/TableScroll';

interface Props {
  search: string;
  query: StatsQuery;
  cells: MatrixCell[];
  departments: Department[] | null;
}

/** The shade of `--accent` (#1d5bbf) over white for a share 0–1 of the largest cell. */
const ACCENT = [29, 91, 191] as const;

function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
const DARK_TEXT = luminance([27, 35, 48]); // --text

/** Background and text colours for a cell: the darker, the more solves; text always readable. */
export function shade(share: number): { backgroundColor: string; color: string } {
  // an empty cell takes the page's own colours (light or dark scheme)
  if (share <= 0) return { backgroundColor: 'transparent', color: 'inherit' };
  const alpha = 0.08 + 0.8 * Math.min(1, share);
  const rgb = ACCENT.map((c) => Math.round(255 + (c - 255) * alpha));
  const bg = luminance(rgb);
  const color = contrast(bg, 1) > contrast(bg, DARK_TEXT) ? '#ffffff' : '#1b2330';
  return { backgroundColor: `rgb(${rgb.join(' ')})`, color };
}

/** Slugs in the department list's order; slugs it does not know go last. */
function ordered(slugs: Set<string>, departments: Department[] | null): string[] {
  const known = (departments ?? []).map((d) => d.slug).filter((s) => slugs.has(s));
  return [...known, ...[...slugs].filter((s) => !known.includes(s)).sort()];
}

/**
 * The cross-silo matrix: solves with an article, by the article's department (rows) and the
 * agent's (columns). A table first (headers, numbers as text), shaded as a heat map.
 */
export function HeatMap({ search, query, cells, departments }: Props) {
  const name = (slug: string) => departments?.find((d) => d.slug === slug)?.name ?? slug;
  const rows = ordered(new Set(cells.map((c) => c.articleDepartment)), departments);
  const cols = ordered(new Set(cells.map((c) => c.agentDepartment)), departments);
  const at = new Map(cells.map((c) => [`${c.articleDepartment}|${c.agentDepartment}`, c.solves]));
  const max = Math.max(1, ...cells.map((c) => c.solves));
  const rowTotal = (r: string) => cols.reduce((n, c) => n + (at.get(`${r}|${c}`) ?? 0), 0);

  return (
    <>
      <TableScroll
        label="Solves by department: articles’ department by agents’ department"
        class="dashboard-heatmap-wrap"
      >
        <table class="data-table dashboard-heatmap">
          <caption class="visually-hidden">
            Contacts solved with an article, by the article's department (rows) and the agent's
            department (columns)
          </caption>
          <thead>
            <tr>
              <th scope="col">Article's department ↓ · Agents →</th>
              {cols.map((c) => (
                <th key={c} scope="col" class="num">
                  {name(c)}
                </th>
              ))}
              <th scope="col" class="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row">{name(r)}</th>
                {cols.map((c) => {
                  const n = at.get(`${r}|${c}`) ?? 0;
                  const colours = shade(n / max);
                  const same = r === c;
                  return (
                    <td
                      key={c}
                      class={same ? 'num dashboard-heat is-same' : 'num dashboard-heat'}
                      style={colours}
                    >
                      {n === 0 ? (
                        '0'
                      ) : (
                        <Link
                          href={drillHref(search, 'solvedWith', {
                            articleDepartment: r,
                            agentDepartment: c,
                          })}
                          class="dashboard-heat-link"
                        >
                          <span style={{ color: colours.color }}>{count(n)}</span>
                          <span class="visually-hidden">
                            {' '}
                            {same
                              ? `solved by ${name(c)} with its own articles`
                              : `solved by ${name(c)} with ${name(r)} articles: escalations avoided`}
                          </span>
                        </Link>
                      )}
                    </td>
                  );
                })}
                <td class="num">
                  <Link href={drillHref(search, 'solvedWith', { articleDepartment: r })}>
                    {count(rowTotal(r))}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p class="field-hint">
        Darker cells: more solves. Cells off the diagonal are escalations avoided (knowledge that
        crossed a silo); the diagonal (dashed) is a department using its own articles. A count opens
        the solved contacts of those agents that used that department's articles.{' '}
        <a href={csvUrl('matrix', query)} download>
          Download the matrix as CSV
        </a>
      </p>
    </>
  );
}
