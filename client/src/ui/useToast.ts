import { useEffect, useRef, useState } from 'preact/hooks';

/** A button in the toast (Undo), shown while the toast is. */
export interface ToastAction {
  label: string;
  /** The key that does the same (shown next to the label). */
  key?: string;
  run: () => void;
}

export interface ToastState {
  message: string | null;
  action: ToastAction | null;
  /** Each call gets a new id, so the same text twice is still shown (and announced) again. */
  id: number;
  show: (message: string, action?: ToastAction) => void;
  hide: () => void;
}

const TOAST_MS = 5000;
/** A toast with an action (Undo) stays longer: time to notice and press it. */
export const ACTION_TOAST_MS = 10_000;

/** A short confirmation ("Solved with …") that hides itself after a few seconds. */
export function useToast(): ToastState {
  const [state, setState] = useState<{
    message: string | null;
    action: ToastAction | null;
    id: number;
  }>({ message: null, action: null, id: 0 });
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const hide = () => {
    window.clearTimeout(timer.current);
    setState((s) => ({ ...s, message: null, action: null }));
  };
  return {
    ...state,
    show(message: string, action?: ToastAction) {
      window.clearTimeout(timer.current);
      setState((s) => ({ message, action: action ?? null, id: s.id + 1 }));
      timer.current = window.setTimeout(hide, action ? ACTION_TOAST_MS : TOAST_MS);
    },
    hide,
  };
}
