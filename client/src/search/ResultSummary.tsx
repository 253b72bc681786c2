import type { SearchState } from './useSearch';

interface Props {
  state: SearchState;
  /** What is in the box now (normalized); may be ahead of `state.query` while typing. */
  typed: string;
}

/**
 * The count line doubles as a polite live region, so screen-reader users hear
 * "5 results" without leaving the search box.
 */
export function ResultSummary({ state, typed }: Props) {
  let text: string;
  let hint: string | null = null;
  if (!typed) {
    text = 'Type to search the knowledge base.';
    hint = 'Try an error code (e.g. AUTH-401), a product name, or the customer’s words.';
  } else if (state.error) {
    // The server's message is in the console's alert area; the query stays in the box.
    text = 'Search failed.';
  } else if (!state.result) {
    text = 'Searching…';
  } else if (state.result.total === 0) {
    text = `No articles match “${state.query}”.`;
    hint =
      'Check the spelling, use fewer words, clear the filters, or search for just the error code. ' +
      'Nothing fits? Escalate (E) with “Needs an article”.';
  } else {
    const { total, hits } = state.result;
    const shown = total > hits.length ? `, showing the top ${hits.length}` : '';
    text = `${total} ${total === 1 ? 'result' : 'results'} for “${state.query}”${shown}`;
  }
  // results, but none covers half the query: listed, yet nothing here is the answer
  const weak = !state.error && !!state.result?.weak && typed === state.query;
  return (
    <div class={state.error ? 'result-summary is-error' : 'result-summary'}>
      <p role="status">
        {text}
        {weak && <span class="visually-hidden">. No close match.</span>}
      </p>
      {hint && <p class="result-hint">{hint}</p>}
      {weak && (
        <p class="result-weak">
          <strong>No close match.</strong> Escalate (E) with “Needs an article”
        </p>
      )}
    </div>
  );
}
