// "The server may answer again": the first answer after a failed request, or a sign-in after the
// session ended. Waiting work (the outbox, a failed search) listens and goes at once.

type Listener = () => void;

const listeners = new Set<Listener>();
let reachable = true;

/** Every request reports whether it got an answer from the server itself. */
export function reportReachable(ok: boolean): void {
  if (ok && !reachable) {
    reachable = true;
    serverBack();
  } else if (!ok) {
    reachable = false;
  }
}

/** Tell every listener that the server may answer now. */
export function serverBack(): void {
  for (const fn of [...listeners]) fn();
}

/** Subscribe; returns the unsubscribe function. */
export function onServerBack(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
