import type { Ref } from 'preact';

interface Props {
  query: string;
  inputRef: Ref<HTMLInputElement>;
  onQuery: (text: string) => void;
  onSubmit: () => void;
}

/** The search box (role searchbox "Search") and the navigation keys legend. */
export function SearchBox({ query, inputRef, onQuery, onSubmit }: Props) {
  return (
    <form
      role="search"
      class="search-bar"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <input
        ref={inputRef}
        type="search"
        aria-label="Search"
        aria-keyshortcuts="/"
        placeholder="Error code, product or what the customer says…"
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
      <p class="search-keys" aria-hidden="true">
        <kbd>/</kbd> search <kbd>↑</kbd>
        <kbd>↓</kbd> move <kbd>Enter</kbd> open <kbd>Esc</kbd> back
      </p>
    </form>
  );
}

/** API errors, in the server's words; the live region is always present so it is announced. */
export function ConsoleAlert({
  message,
  onDismiss,
}: {
  message: string | null;
  onDismiss?: () => void;
}) {
  return (
    <div class="console-alert" role="alert">
      {message && (
        <p>
          {message}{' '}
          {onDismiss && (
            <button type="button" class="link-button" onClick={onDismiss}>
              Dismiss
            </button>
          )}
        </p>
      )}
    </div>
  );
}
