import type { SearchHit } from '../../../server/contract/types';
import { Badges, Codes } from '../ui/Badges';
import { Link } from '../ui/Link';
import { Highlight, markedWords, mentionsAny } from './highlight';

interface Props {
  hit: SearchHit;
  selected: boolean;
  /** Marked "tried, didn't solve" in the open contact. */
  tried: boolean;
  /** Wide layout: a click previews in the reading pane instead of leaving the page. */
  preview: boolean;
  index: number;
  /** stable across renders (see ResultList): cards re-render only when their own data changes */
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
}

export const resultId = (hit: SearchHit) => `result-${hit.slug}`;

const isPlainClick = (e: MouseEvent) =>
  e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

/**
 * Answer-first: what the customer sees (issue line), what to do (first steps), and whether
 * to trust it (confidence, staleness, recent solves, why it ranks here), without opening it.
 */
export function HitCard({ hit, selected, tried, preview, index, onSelect, onOpen }: Props) {
  const words = markedWords(hit.titleHtml, hit.snippet);
  const plain = [hit.title, hit.issueLine, ...hit.steps].join(' ');
  // The snippet only earns its space when the match is somewhere the card doesn't show.
  const showSnippet = hit.snippet.includes('<mark>') && !mentionsAny(plain, words);
  const why = hit.why.filter((w) => !(hit.solves30d > 0 && /^solved \d/i.test(w)));
  return (
    <li
      id={resultId(hit)}
      class={selected ? 'result is-selected' : 'result'}
      aria-current={selected ? 'true' : undefined}
      // Clicking anywhere on the card selects it; the title link stays the keyboard target.
      onClick={() => preview && onSelect(index)}
    >
      <h3 class="result-title">
        <Link
          href={`/articles/${encodeURIComponent(hit.slug)}`}
          onClick={(e) => {
            if (!isPlainClick(e)) return;
            e.stopPropagation();
            onOpen(index); // records "opened"; on narrow screens the link then navigates
            if (preview) e.preventDefault();
          }}
        >
          {/* The server escapes the title and adds only <mark> tags around matched words. */}
          <span dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
        </Link>
      </h3>
      <div class="result-meta">
        <Badges confidence={hit.confidence} audience={hit.audience} stale={hit.stale} />
        {tried && <span class="badge badge-tried">Tried</span>}
        <span class="result-dept">{hit.departmentName}</span>
        <Codes codes={hit.errorCodes} label="Error codes" />
      </div>
      {hit.issueLine && (
        <p class="result-issue clamp">
          <Highlight text={hit.issueLine} words={words} />
        </p>
      )}
      {hit.steps.length > 0 && (
        <ol class="result-steps" aria-label="First steps">
          {hit.steps.map((step, i) => (
            <li key={i}>
              <span class="clamp">
                <Highlight text={step} words={words} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {showSnippet && (
        <p class="result-snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
      )}
      {(hit.solves30d > 0 || why.length > 0) && (
        <p class="result-foot">
          {hit.solves30d > 0 && (
            <span class="result-solves">
              Solved {hit.solves30d} {hit.solves30d === 1 ? 'contact' : 'contacts'} in the last 30
              days
            </span>
          )}
          {why.length > 0 && <span class="result-why">Why: {why.join(' · ')}</span>}
        </p>
      )}
    </li>
  );
}
