import { ACTION_KEYS } from '../search/OutcomeKeys';

export interface Shortcut {
  keys: string[];
  does: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

/** What the `?` overlay lists: the console's own table of action keys, plus moving around. */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      {
        keys: ['?'],
        does: 'This list of shortcuts (outside text boxes, or in an empty search box)',
      },
      { keys: ['Alt', 'N'], does: 'New contact (agents, on the console)' },
      { keys: ['Esc'], does: 'Close a dialog' },
    ],
  },
  {
    title: 'Search console',
    shortcuts: [
      { keys: ['/'], does: 'Back to the search box' },
      { keys: ['N'], does: 'New contact, when the search box is empty' },
      { keys: ['↓'], does: 'From the box: onto the selected result, then through the results' },
      { keys: ['↑'], does: 'Up through the results' },
      { keys: ['Enter'], does: 'Open the selected article (from the box: result 1)' },
      { keys: ['Esc'], does: 'From the reading pane back to the search box' },
      { keys: ['U'], does: 'Undo the last outcome or tried mark, while its toast shows (10 s)' },
    ],
  },
  {
    title: 'On the selected result (in the list or the reading pane)',
    shortcuts: ACTION_KEYS.map((a) => ({ keys: a.shortcut.split('+'), does: a.label })),
  },
];

/** A text field takes `?` as a character, except an empty search box (nothing to type into). */
export function opensHelp(e: KeyboardEvent): boolean {
  if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented)
    return false;
  const el = e.target;
  if (!(el instanceof HTMLElement)) return true;
  if (el.closest('dialog')) return false;
  if (el instanceof HTMLInputElement) return el.type === 'search' && el.value === '';
  return !(el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}
