import { memo } from 'preact/compat';
import { useCallback, useRef } from 'preact/hooks';
import type { SearchHit } from '../../../server/contract/types';
import { HitCard } from './HitCard';

/**
 * A keystroke re-renders the console; cards whose hit, selection and state are unchanged are
 * skipped, which keeps keystroke → paint short (bench/console.ts).
 */
const Card = memo(
  HitCard,
  (a, b) =>
    a.hit === b.hit &&
    a.selected === b.selected &&
    a.tried === b.tried &&
    a.preview === b.preview &&
    a.index === b.index,
);

interface Props {
  hits: SearchHit[];
  selected: number;
  /** Ids of articles marked "tried" in the open contact. */
  tried: ReadonlySet<number>;
  preview: boolean;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
  listRef?: { current: HTMLOListElement | null };
}

export { resultId } from './HitCard';

export function ResultList({ hits, selected, tried, preview, onSelect, onOpen, listRef }: Props) {
  const latest = useRef({ onSelect, onOpen });
  latest.current = { onSelect, onOpen };
  const select = useCallback((i: number) => latest.current.onSelect(i), []);
  const open = useCallback((i: number) => latest.current.onOpen(i), []);
  return (
    <ol class="results-list" id="results" aria-label="Results" ref={listRef}>
      {hits.map((hit, i) => (
        <Card
          key={hit.id}
          hit={hit}
          index={i}
          selected={i === selected}
          tried={tried.has(hit.id)}
          preview={preview}
          onSelect={select}
          onOpen={open}
        />
      ))}
    </ol>
  );
}
