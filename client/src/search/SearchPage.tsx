import { useEffect, useRef, useState } from 'preact/hooks';
import { ArticleView } from '../articles/ArticleView';
import { navigate, replaceUrlQuietly } from '../router';
import type { Location } from '../router';
import type { SearchResult, User } from '../types';
import { useMediaQuery } from '../ui/useMediaQuery';
import { ResultList, resultId } from './ResultList';
import { ResultSummary } from './ResultSummary';
import { normalizeQuery, useSearch } from './useSearch';

interface Props {
  user: User;
  loc: Location;
}

const queryFrom = (loc: Location) => new URLSearchParams(loc.search).get('q') ?? '';

function isEditable(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function SearchPage({ user, loc }: Props) {
  const [query, setQuery] = useState(() => queryFrom(loc));
  const search = useSearch(query);
  const hits = search.result?.hits ?? [];
  // Selection belongs to one result set: new results start again at the top hit.
  const [sel, setSel] = useState<{ result: SearchResult | null; index: number }>({
    result: null,
    index: 0,
  });
  const selected = sel.result === search.result ? sel.index : 0;
  const wide = useMediaQuery('(min-width: 1100px)');
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLElement>(null);
  const openWhenReady = useRef(false);
  const q = normalizeQuery(query);
  const upToDate = search.query === q && !search.loading;

  useEffect(() => {
    document.title = 'Search · Firstcall';
    inputRef.current?.focus();
  }, []);

  // Back/forward (or the brand link) changed ?q=: follow it. `loc` is new on every navigation.
  const queryRef = useRef(query);
  queryRef.current = query;
  useEffect(() => {
    const urlQ = queryFrom(loc);
    if (normalizeQuery(urlQ) !== normalizeQuery(queryRef.current)) setQuery(urlQ);
  }, [loc]);

  // Mirror the settled query into the URL (not every keystroke: browsers throttle history).
  useEffect(() => {
    replaceUrlQuietly(search.query ? `/?q=${encodeURIComponent(search.query)}` : '/');
  }, [search.query]);

  function select(index: number, focusLink = false) {
    const hit = hits[index];
    if (!hit) return;
    setSel({ result: search.result, index });
    document.getElementById(resultId(hit))?.scrollIntoView({ block: 'nearest' });
    if (focusLink) document.querySelector<HTMLElement>(`#${CSS.escape(resultId(hit))} a`)?.focus();
  }

  function open(index: number) {
    const hit = hits[index];
    if (!hit) return;
    if (wide) {
      select(index);
      paneRef.current?.focus(); // the pane already shows it; Enter hands it the keyboard
    } else {
      navigate(`/articles/${encodeURIComponent(hit.slug)}`);
    }
  }

  // Enter pressed before the results for the typed text arrived: open the top hit on arrival,
  // otherwise a fast "type code + Enter" would open a result for the previous query.
  useEffect(() => {
    if (openWhenReady.current && upToDate) {
      openWhenReady.current = false;
      open(0);
    }
  });

  // One document listener reading the latest render's values through a ref.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  onKey.current = (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const input = inputRef.current;
    const target = e.target as Node;
    const inSearch = target === input;
    if (!inSearch && isEditable(target)) return;
    if (e.key === '/' && !inSearch) {
      e.preventDefault();
      input?.focus();
      input?.select();
      return;
    }
    if (paneRef.current?.contains(target)) {
      // Arrows/PageDown scroll the article natively; Escape goes back to the search box.
      if (e.key === 'Escape') input?.focus();
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (hits.length === 0) return;
      e.preventDefault();
      const next =
        e.key === 'ArrowDown' ? Math.min(selected + 1, hits.length - 1) : Math.max(selected - 1, 0);
      select(next, !!listRef.current?.contains(target));
    }
  };
  useEffect(() => {
    const handler = (e: KeyboardEvent) => onKey.current(e);
    document.addEventListener('keydown', handler);
    return () => document.removeEventListener('keydown', handler);
  }, []);

  function onSubmit(e: Event) {
    e.preventDefault();
    if (!q) return;
    if (upToDate) open(selected);
    else openWhenReady.current = true;
  }

  const current = hits[selected];
  return (
    <div class={wide ? 'search-page is-wide' : 'search-page'}>
      <h1 class="visually-hidden">Search articles</h1>
      <form role="search" class="search-bar" onSubmit={onSubmit}>
        <input
          ref={inputRef}
          type="search"
          aria-label="Search"
          aria-keyshortcuts="/"
          placeholder="Error code, product or what the customer says…"
          autocomplete="off"
          spellcheck={false}
          value={query}
          onInput={(e) => {
            openWhenReady.current = false;
            setQuery(e.currentTarget.value);
          }}
        />
        <p class="search-keys" aria-hidden="true">
          <kbd>/</kbd> search <kbd>↑</kbd>
          <kbd>↓</kbd> move <kbd>Enter</kbd> open{' '}
          {wide && (
            <>
              <kbd>Esc</kbd> back
            </>
          )}
        </p>
      </form>
      <div class="search-body">
        <div class="results" ref={listRef} aria-busy={search.loading ? 'true' : 'false'}>
          <h2 class="visually-hidden">Results</h2>
          <ResultSummary state={search} typed={q} />
          {hits.length > 0 && (
            <ResultList hits={hits} selected={selected} preview={wide} onSelect={select} />
          )}
        </div>
        {wide && (
          <section class="pane" ref={paneRef} tabIndex={-1} aria-label="Reading pane">
            {current ? (
              <ArticleView slug={current.slug} user={user} headingLevel={2} />
            ) : (
              <p class="pane-empty">The selected article appears here.</p>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
