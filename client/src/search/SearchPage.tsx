import { useEffect, useRef, useState } from 'preact/hooks';
import { ArticleView } from '../articles/ArticleView';
import { api, errorMessage } from '../api';
import { navigate, replaceUrlQuietly } from '../router';
import type { Location } from '../routes';
import type { Contact, SearchResult, User } from '../../../server/contract/types';
import { Toast } from '../ui/Toast';
import { useMediaQuery } from '../ui/useMediaQuery';
import { useToast } from '../ui/useToast';
import { ActionBar } from './ActionBar';
import { ConsoleDialogs } from './ConsoleDialogs';
import { ContactBar } from './ContactBar';
import { consoleUrl, readConsoleUrl, sameFilters, type Filters } from './consoleUrl';
import { Facets } from './Facets';
import { OpenContacts } from './OpenContacts';
import { ResultList, resultId } from './ResultList';
import { useSettledSlug } from './useSettledSlug';
import { ResultSummary } from './ResultSummary';
import { ConsoleAlert, SearchBox } from './SearchBox';
import { useConsoleActions, type DialogKind } from './useConsoleActions';
import { useConsoleKeys } from './useConsoleKeys';
import { useContact } from './useContact';
import { useScreenPop } from './useScreenPop';
import { searchStartsContact } from '../ui/rights';
import { normalizeQuery, useSearch } from './useSearch';
import { closedHere } from './outbox';
import { OutboxStatus } from './OutboxStatus';
import { useOutbox } from './useOutbox';
import { useUndo, type ConsoleView } from './useUndo';
import type { Done } from './useConsoleActions';

interface Props {
  user: User;
  loc: Location;
}

/** The agent console: contact bar, search, answer-first results, reading pane, one-key outcomes. */
export function SearchPage({ user, loc }: Props) {
  const [query, setQuery] = useState(() => readConsoleUrl(loc).q);
  const [filters, setFilters] = useState<Filters>(() => readConsoleUrl(loc).filters);
  const [alert, setAlert] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const toast = useToast();
  const canFlag = user.role !== 'manager';
  const fail = (err: unknown) => setAlert(typeof err === 'string' ? err : errorMessage(err));
  const { outbox, items: waiting } = useOutbox(user.id, {
    // an action kept here reached the server: its copy of the contact is the true one
    delivered: (item, c) => {
      if (item.action.kind !== 'close') contact.update(c);
    },
    failed: fail,
  });
  const contact = useContact(
    user.role !== 'manager',
    searchStartsContact(user),
    (err) => fail(`Could not load your open contact: ${errorMessage(err)}`),
    (id) => closedHere(outbox.items, id),
  );
  const search = useSearch(query, filters, {
    ensure: contact.ensure,
    searched: contact.refreshSoon,
    failed: (err) =>
      fail(`Could not start a contact (searching without one): ${errorMessage(err)}`),
  });
  const hits = search.result?.hits ?? [];
  // Selection belongs to one result set: new results start again at the top hit, unless they
  // are a weak match (none covers half the query): then nothing is selected or read out until
  // the agent picks a result.
  const weak = !!search.result?.weak;
  const [sel, setSel] = useState<{ result: SearchResult | null; index: number }>({
    result: null,
    index: 0,
  });
  const selected = sel.result === search.result ? sel.index : weak ? -1 : 0;
  const current = hits[selected];
  const [paneSlug, showInPane] = useSettledSlug(current?.slug, search.result);
  const wide = useMediaQuery('(min-width: 1100px)');
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const paneRef = useRef<HTMLElement>(null);
  const openWhenReady = useRef(false);
  const focusSearchAfterDialog = useRef(false);
  /** Undo brought a view back: select its article once its results are in. */
  const restoreSlug = useRef<string | undefined>(undefined);
  const q = normalizeQuery(query);
  const upToDate = search.query === q && !search.loading;

  useEffect(() => {
    document.title = 'Search · Firstcall';
    inputRef.current?.focus();
  }, []);

  // Back/forward (or the brand link) changed the URL: follow it. `loc` is new on every navigation.
  const latest = useRef({ query, filters });
  latest.current = { query, filters };
  useEffect(() => {
    const url = readConsoleUrl(loc);
    if (normalizeQuery(url.q) !== normalizeQuery(latest.current.query)) setQuery(url.q);
    if (!sameFilters(url.filters, latest.current.filters)) setFilters(url.filters);
  }, [loc]);

  // Mirror the settled query and the filters into the URL (not every keystroke).
  useEffect(() => {
    replaceUrlQuietly(consoleUrl(search.query, filters));
  }, [search.query, filters.department, filters.product]);

  /** A call the phone system put through: it becomes the contact, and its IVR reason the query. */
  function popped(c: Contact) {
    contact.resume(c);
    setAlert(null);
    setFilters({});
    setQuery(c.openingReason ?? '');
    const ref = c.customerRef ? ` (${c.customerRef})` : '';
    toast.show(`Incoming ${c.channel}: contact #${c.id}${ref}.`);
    inputRef.current?.focus();
  }

  useScreenPop(contact.enabled, {
    opened: popped,
    closed(id) {
      if (contact.contact?.id !== id) return;
      contact.clear();
      toast.show(`Contact #${id} was closed by the phone system.`);
    },
  });

  // a phone system that opens a browser tab instead: /console?contact=42
  useEffect(() => {
    const id = Number(new URLSearchParams(loc.search).get('contact'));
    if (!contact.enabled || !Number.isSafeInteger(id) || id <= 0) return;
    api.contact(id).then(
      (c) => (c.closedAt ? fail(`Contact #${c.id} is already closed.`) : popped(c)),
      (err: unknown) => fail(`Could not open contact #${id}: ${errorMessage(err)}`),
    );
  }, []);

  function openDialog(kind: DialogKind) {
    focusSearchAfterDialog.current = false;
    setDialog(kind);
  }

  const undo = useUndo({
    outbox,
    contact,
    toast,
    fail,
    restoreView(view: ConsoleView) {
      setQuery(view.query);
      setFilters(view.filters);
      restoreSlug.current = view.slug;
      setAlert(null);
    },
  });

  /** A contact was closed (offering Undo) or a new one started: confirm, then a clean slate. */
  function finish(message: string, done?: Done) {
    if (done) {
      undo.offer(message, { kind: 'close', done, view: { query, filters, slug: current?.slug } });
      contact.clear();
    } else {
      toast.show(message);
    }
    setAlert(null);
    setQuery('');
    setFilters({});
    setDialog(null);
    openWhenReady.current = false;
    focusSearchAfterDialog.current = true; // when a dialog closes, it hands focus here
    inputRef.current?.focus();
  }

  const actions = useConsoleActions({
    hit: current,
    contact,
    canFlag,
    outbox,
    notify: toast.show,
    fail,
    openDialog,
    finish,
    marked(message, done) {
      const view = { query, filters, slug: current?.slug };
      undo.offer(message, { kind: 'tried', done, view, title: current?.title });
    },
  });

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
    actions.recordOpened(hit);
    if (wide) {
      select(index);
      showInPane(hit.slug);
      paneRef.current?.focus(); // the pane already shows it; Enter hands it the keyboard
    } else {
      navigate(`/articles/${encodeURIComponent(hit.slug)}`);
    }
  }

  /** Enter in the box: opens the selected hit; on a weak match, first moves onto result 1. */
  function openFromBox() {
    if (selected < 0) select(0, true);
    else open(selected);
  }

  // Once the results for the typed text are in: an undone close selects its article again, and
  // an Enter pressed before they arrived acts now (otherwise a fast "type code + Enter" would
  // open a result for the previous query).
  useEffect(() => {
    const slug = restoreSlug.current;
    if (slug !== undefined && upToDate && search.result) {
      restoreSlug.current = undefined;
      const index = hits.findIndex((h) => h.slug === slug);
      if (index >= 0) {
        select(index);
        showInPane(slug);
      }
    }
    if (openWhenReady.current && upToDate) {
      openWhenReady.current = false;
      openFromBox();
    }
  });

  useConsoleKeys({
    input: inputRef,
    list: listRef,
    pane: paneRef,
    hitCount: hits.length,
    selected,
    query,
    blocked: dialog !== null,
    select,
    open,
    run: actions.run,
    undoable: undo.available,
    undo: undo.undo,
    typeIntoSearch(char) {
      setQuery((text) => text + char);
      inputRef.current?.focus();
    },
  });

  function onSubmit() {
    if (!q) return;
    if (upToDate) openFromBox();
    else openWhenReady.current = true;
  }

  const tried = new Set(contact.contact?.tried.map((a) => a.id));
  return (
    <div class={wide ? 'search-page is-wide' : 'search-page'}>
      <h1 class="visually-hidden">Agent console</h1>
      <ContactBar
        contact={contact.contact}
        enabled={contact.enabled}
        onNew={() => actions.run('newContact')}
      />
      {contact.enabled && (
        <OpenContacts
          currentId={contact.contact?.id ?? null}
          onResume={(c) => {
            contact.resume(c);
            toast.show(`Contact #${c.id} resumed.`);
          }}
          onError={fail}
        />
      )}
      <OutboxStatus items={waiting} />
      <SearchBox
        query={query}
        inputRef={inputRef}
        onQuery={(text) => {
          openWhenReady.current = false;
          setQuery(text);
        }}
        onSubmit={onSubmit}
      />
      <ActionBar
        selectedTitle={current?.title ?? null}
        contactOpen={!!contact.contact}
        canFlag={canFlag}
        busy={actions.busy}
        onAction={actions.run}
      />
      <ConsoleAlert
        message={alert ?? (search.error ? `Search failed: ${search.error}` : null)}
        onDismiss={alert ? () => setAlert(null) : undefined}
      />
      <div class="search-body">
        <div class="results" aria-busy={search.loading ? 'true' : 'false'}>
          <h2 class="visually-hidden">Results</h2>
          <ResultSummary state={search} typed={q} />
          <Facets facets={search.result?.facets} filters={filters} onChange={setFilters} />
          {hits.length > 0 && (
            <ResultList
              hits={hits}
              selected={selected}
              tried={tried}
              preview={wide}
              onSelect={select}
              onOpen={open}
              listRef={listRef}
            />
          )}
        </div>
        {wide && (
          <section class="pane" ref={paneRef} tabIndex={-1} aria-label="Reading pane">
            {current && paneSlug ? (
              <ArticleView slug={paneSlug} user={user} headingLevel={2} />
            ) : (
              <p class="pane-empty">
                {weak && selected < 0
                  ? 'No close match: pick a result (↓) to read it, or escalate (E).'
                  : 'The selected article appears here.'}
              </p>
            )}
          </section>
        )}
      </div>
      <ConsoleDialogs
        kind={dialog}
        hit={current}
        contact={contact}
        close={actions.close}
        finish={finish}
        notify={toast.show}
        onCancel={() => setDialog(null)}
        returnFocus={() => (focusSearchAfterDialog.current ? inputRef.current : undefined)}
      />
      <Toast toast={toast} />
    </div>
  );
}
