import type { SearchHit } from '../types';
import { Badges, Codes } from '../ui/Badges';
import { Link } from '../ui/Link';

interface Props {
  hits: SearchHit[];
  selected: number;
  /** Wide layout: a click previews in the reading pane instead of leaving the page. */
  preview: boolean;
  onSelect: (index: number) => void;
}

export const resultId = (hit: SearchHit) => `result-${hit.slug}`;

export function ResultList({ hits, selected, preview, onSelect }: Props) {
  return (
    <ol class="results-list" id="results" aria-label="Results">
      {hits.map((hit, i) => (
        <li
          key={hit.id}
          id={resultId(hit)}
          class={i === selected ? 'result is-selected' : 'result'}
          aria-current={i === selected ? 'true' : undefined}
          // Clicking anywhere on the card selects it; the title link stays the keyboard target.
          onClick={() => preview && onSelect(i)}
        >
          <h3 class="result-title">
            <Link
              href={`/articles/${encodeURIComponent(hit.slug)}`}
              onClick={(e) => {
                if (!preview || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
                  return;
                e.preventDefault();
                onSelect(i);
              }}
            >
              {hit.title}
            </Link>
          </h3>
          {/* The server escapes the text and adds only <mark> tags around matched words. */}
          <p class="result-snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
          <div class="result-meta">
            <Badges confidence={hit.confidence} audience={hit.audience} stale={hit.stale} />
            <span class="result-dept">{hit.departmentName}</span>
            <Codes codes={hit.errorCodes} label="Error codes" />
          </div>
        </li>
      ))}
    </ol>
  );
}
