import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A page whose code is a chunk of its own, loaded the first time it is shown (see
 * client/build.mjs): the sign-in page and the agent console never download it.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
  what: string,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyPage(props: P) {
    const [Page, setPage] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (Page) return;
      load().then(
        (p) => {
          loaded = p;
          setPage(() => p);
        },
        () => setError(`The ${what} could not be loaded. Reload the page to try again.`),
      );
    }, [Page]);
    if (error)
      return (
        <p role="alert" class="notice">
          {error}
        </p>
      );
    return Page ? <Page {...props} /> : <p aria-busy="true">Loading the {what}…</p>;
  };
}
