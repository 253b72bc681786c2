import { useEffect, useState } from 'preact/hooks';
import { engineerApi, errorMessage, isAbort } from '../api';

export interface Preview {
  /** Sanitized HTML from the server's renderer, for the text last rendered. */
  html: string;
  /** The text still differs from what `html` shows (typing, or the request is in flight). */
  pending: boolean;
  error: string | null;
}

const DELAY_MS = 300;

/**
 * Live preview of one Markdown field, rendered by the server (POST /api/preview) so it is
 * exactly what agents will read. Waits for a pause in typing; a newer text cancels the request.
 */
export function usePreview(markdown: string): Preview {
  const [state, setState] = useState({ html: '', source: '', error: null as string | null });
  useEffect(() => {
    if (!markdown.trim()) {
      setState({ html: '', source: markdown, error: null });
      return;
    }
    const ctrl = new AbortController();
    const timer = window.setTimeout(() => {
      engineerApi.preview(markdown, ctrl.signal).then(
        (html) => setState({ html, source: markdown, error: null }),
        (err: unknown) => {
          if (!isAbort(err)) setState((s) => ({ ...s, error: errorMessage(err) }));
        },
      );
    }, DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [markdown]);
  return { html: state.html, pending: state.source !== markdown, error: state.error };
}
