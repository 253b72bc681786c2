import type { SearchHit } from '../types';
import { HitCard } from './HitCard';

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
  return (
    <ol class="results-list" id="results" aria-label="Results" ref={listRef}>
      {hits.map((hit, i) => (
        <HitCard
          key={hit.id}
          hit={hit}
          selected={i === selected}
          tried={tried.has(hit.id)}
          preview={preview}
          onSelect={() => onSelect(i)}
          onOpen={() => onOpen(i)}
        />
      ))}
    </ol>
  );
}
