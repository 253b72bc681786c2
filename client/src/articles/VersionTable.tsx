import type { ArticleVersion, VersionKind } from '../../../server/contract/types';
import { formatDateTime } from '../ui/format';
import { confidenceName } from './confidenceSteps';
import { TableScroll } from '../ui/TableScroll';

export const kindLabel: Record<VersionKind, string> = {
  create: 'Created',
  edit: 'Edited',
  confidence: 'Confidence',
  verify: 'Verified',
  restore: 'Restored',
  import: 'Imported',
  auto: 'Automatic',
};

interface Props {
  versions: ArticleVersion[];
  current: number;
  from: number | null;
  to: number | null;
  onPick: (which: 'from' | 'to', version: number) => void;
  /** Absent when the user may not restore. */
  onRestore?: (version: ArticleVersion) => void;
}

/** Every version: who, when, why; pick two to compare, or restore an old one. */
export function VersionTable({ versions, current, from, to, onPick, onRestore }: Props) {
  return (
    <TableScroll label="Versions">
      <table class="data-table versions">
        <caption class="visually-hidden">Versions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Version</th>
            <th scope="col">Kind</th>
            <th scope="col">Confidence</th>
            <th scope="col">Who</th>
            <th scope="col">When</th>
            <th scope="col">Note</th>
            {onRestore && (
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} class={v.version === from || v.version === to ? 'is-picked' : ''}>
              <td>
                <input
                  type="radio"
                  name="diff-from"
                  aria-label={`Compare from version ${v.version}`}
                  checked={from === v.version}
                  onChange={() => onPick('from', v.version)}
                />
              </td>
              <td>
                <input
                  type="radio"
                  name="diff-to"
                  aria-label={`Compare to version ${v.version}`}
                  checked={to === v.version}
                  onChange={() => onPick('to', v.version)}
                />
              </td>
              <th scope="row">
                {v.version}
                {v.version === current && <span class="version-current"> (current)</span>}
              </th>
              <td>
                {kindLabel[v.kind] ?? v.kind}
                {v.restoredFrom !== null && <> from version {v.restoredFrom}</>}
              </td>
              <td>{confidenceName[v.confidence] ?? v.confidence}</td>
              <td>{v.author ? v.author.name : 'Firstcall'}</td>
              <td>
                <time dateTime={v.createdAt}>{formatDateTime(v.createdAt)}</time>
              </td>
              <td>{v.note}</td>
              {onRestore && (
                <td>
                  {v.version !== current && (
                    <button type="button" class="button button-small" onClick={() => onRestore(v)}>
                      Restore version {v.version}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
