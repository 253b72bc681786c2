// The console's single-key actions: one table drives the key handler, the buttons and the legend.

export type ConsoleAction =
  'solved' | 'solvedNoArticle' | 'tried' | 'escalate' | 'followUp' | 'newContact' | 'copy' | 'flag';

export interface ActionKey {
  action: ConsoleAction;
  label: string;
  /** What the <kbd> shows. */
  key: string;
  /** aria-keyshortcuts value. */
  shortcut: string;
  /** Acts on the selected article, so it is disabled without one. */
  needsArticle: boolean;
  /** An outcome of the open contact, so it is disabled without one. */
  needsContact: boolean;
}

/** The outcome and article actions, in the order of the action bar. */
export const ACTION_KEYS: readonly ActionKey[] = [
  {
    action: 'solved',
    label: 'Solved',
    key: 'S',
    shortcut: 'S',
    needsArticle: true,
    needsContact: true,
  },
  {
    action: 'solvedNoArticle',
    label: 'Solved, no article',
    key: '⇧S',
    shortcut: 'Shift+S',
    needsArticle: false,
    needsContact: true,
  },
  {
    action: 'tried',
    label: 'Tried, didn’t solve',
    key: 'T',
    shortcut: 'T',
    needsArticle: true,
    needsContact: true,
  },
  {
    action: 'escalate',
    label: 'Escalate',
    key: 'E',
    shortcut: 'E',
    needsArticle: false,
    needsContact: true,
  },
  {
    action: 'followUp',
    label: 'Follow-up',
    key: 'F',
    shortcut: 'F',
    needsArticle: false,
    needsContact: true,
  },
  {
    action: 'copy',
    label: 'Copy steps',
    key: 'C',
    shortcut: 'C',
    needsArticle: true,
    needsContact: false,
  },
  {
    action: 'flag',
    label: 'Flag',
    key: 'X',
    shortcut: 'X',
    needsArticle: true,
    needsContact: false,
  },
];

/**
 * The action for a key press in the result list or reading pane, or null. Letters match
 * either case (Caps Lock on), and only S means something different with Shift.
 */
export function actionForKey(key: string, shift: boolean): ConsoleAction | null {
  switch (key.toLowerCase()) {
    case 's':
      return shift ? 'solvedNoArticle' : 'solved';
    case 't':
      return 'tried';
    case 'e':
      return 'escalate';
    case 'f':
      return 'followUp';
    case 'n':
      return 'newContact';
    case 'c':
      return 'copy';
    case 'x':
      return 'flag';
    default:
      return null;
  }
}

/** A key that types a character (not a shortcut, not a modifier or navigation key). */
export function isPrintable(e: KeyboardEvent): boolean {
  return e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey;
}
