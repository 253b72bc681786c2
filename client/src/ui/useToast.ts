import { useEffect, useRef, useState } from 'preact/hooks';

export interface ToastState {
  message: string | null;
  /** Each call gets a new id, so the same text twice is still shown (and announced) again. */
  id: number;
  show: (message: string) => void;
}

const TOAST_MS = 5000;

/** A short confirmation ("Solved with …") that hides itself after a few seconds. */
export function useToast(): ToastState {
  const [state, setState] = useState<{ message: string | null; id: number }>({
    message: null,
    id: 0,
  });
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return {
    ...state,
    show(message: string) {
      window.clearTimeout(timer.current);
      setState((s) => ({ message, id: s.id + 1 }));
      timer.current = window.setTimeout(() => setState((s) => ({ ...s, message: null })), TOAST_MS);
    },
  };
}
