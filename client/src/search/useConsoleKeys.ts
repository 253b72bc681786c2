import { useEffect, useRef } from 'preact/hooks';
import { actionForKey, isPrintable, type ConsoleAction } from './OutcomeKeys';

type Ref<T> = { readonly current: T | null };

export interface KeyTargets {
  input: Ref<HTMLInputElement>;
  list: Ref<HTMLElement>;
  pane: Ref<HTMLElement>;
  hitCount: number;
  /** -1: none (a weak match selects nothing by itself) */
  selected: number;
  /** What the search box holds: N starts a new contact only when it is empty. */
  query: string;
  /** A dialog is open: its own keys only. */
  blocked: boolean;
  select: (index: number, focus: boolean) => void;
  open: (index: number) => void;
  run: (action: ConsoleAction) => void;
  /** An outcome can be taken back now (its toast shows Undo): U does it. */
  undoable: boolean;
  undo: () => void;
  /** A character typed in the list goes to the search box instead. */
  typeIntoSearch: (char: string) => void;
}

function isEditable(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

function handle(e: KeyboardEvent, t: KeyTargets): void {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.isComposing || t.blocked) return;
  const target = e.target as Node;
  if (target instanceof Element && target.closest('dialog')) return;
  // Alt+N from anywhere (the physical key: on a Mac, Alt+N types "˜")
  if (e.altKey) {
    if (e.code === 'KeyN' && !e.shiftKey) {
      e.preventDefault();
      t.run('newContact');
    }
    return;
  }
  const input = t.input.current;
  const inSearch = target === input;
  // an empty box has nothing to type a word into: N is the next contact, not a search for "n"
  if (inSearch && t.query === '' && e.key.toLowerCase() === 'n') {
    e.preventDefault();
    t.run('newContact');
    return;
  }
  const inList = !!t.list.current?.contains(target);
  const inPane = !!t.pane.current?.contains(target);
  // U while Undo is offered: from the empty box (where S leaves focus), the list or the pane
  const plain = !e.shiftKey && e.key.toLowerCase() === 'u';
  if (plain && t.undoable && ((inSearch && t.query === '') || inList || inPane)) {
    e.preventDefault();
    if (!e.repeat) t.undo();
    return;
  }
  if (!inSearch && isEditable(target)) return;
  if (e.key === '/' && !inSearch) {
    e.preventDefault();
    input?.focus();
    input?.select();
    return;
  }
  if ((inSearch || inList) && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    if (t.hitCount === 0) return;
    e.preventDefault();
    // from the box, the first arrow lands on the selected result (the one the pane shows), so
    // ↓ Enter S solves with result 1; in the list, arrows move
    const next = inSearch
      ? Math.max(t.selected, 0)
      : e.key === 'ArrowDown'
        ? Math.min(t.selected + 1, t.hitCount - 1)
        : Math.max(t.selected - 1, 0);
    t.select(next, true); // focus moves into the list, where single keys act
    return;
  }
  if (!inList && !inPane) return;
  if (e.key === 'Escape') {
    e.preventDefault();
    input?.focus();
    return;
  }
  if (e.key === 'Enter' && inList) {
    e.preventDefault();
    t.open(t.selected);
    return;
  }
  const action = actionForKey(e.key, e.shiftKey);
  if (action) {
    e.preventDefault();
    if (!e.repeat) t.run(action);
  } else if (isPrintable(e)) {
    e.preventDefault();
    t.typeIntoSearch(e.key);
  }
}

/**
 * The console's keyboard: `/` to the search box from anywhere, arrows from the box into the
 * list, and single-key actions while focus is in the list or the reading pane (never while
 * typing, so the letters stay letters in the box and in dialogs).
 */
export function useConsoleKeys(targets: KeyTargets): void {
  const ref = useRef(targets);
  ref.current = targets;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => handle(e, ref.current);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
