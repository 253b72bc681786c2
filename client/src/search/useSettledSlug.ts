import { useEffect, useRef, useState } from 'preact/hooks';

/** How long results must stay unchanged before the reading pane loads their top article. */
const SETTLE_MS = 200;

/**
 * The reading pane follows the selection, but not every keystroke: while results change under
 * the agent's typing, loading and laying out a whole article per keystroke would delay the
 * results themselves (keystroke → paint, bench/console.ts). Selection changes within the same
 * results (arrow keys, clicks) follow at once.
 */
export function useSettledSlug(
  slug: string | undefined,
  results: unknown,
): [shown: string | undefined, showNow: (slug: string) => void] {
  const [shown, setShown] = useState(slug);
  const seen = useRef(results);
  useEffect(() => {
    if (seen.current === results) {
      setShown(slug);
      return;
    }
    seen.current = results;
    const timer = window.setTimeout(() => setShown(slug), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [slug, results]);
  // opening an article (Enter, click) cannot wait
  return [shown, setShown];
}
