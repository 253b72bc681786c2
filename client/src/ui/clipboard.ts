/**
 * Copies text to the clipboard: the async Clipboard API where allowed, otherwise a hidden
 * textarea and execCommand('copy') (older browsers, insecure origins, denied permission).
 * Resolves to false when neither worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through to the textarea */
  }
  const previous = document.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  previous?.focus();
  return ok;
}

/**
 * Copies text with an HTML flavour beside it, so rich editors (ticketing, mail) paste the
 * formatted steps and plain ones the text. Falls back to the text alone.
 */
export async function copyRich(text: string, html: string): Promise<boolean> {
  try {
    if (
      navigator.clipboard?.write &&
      typeof ClipboardItem !== 'undefined' &&
      window.isSecureContext
    ) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
      return true;
    }
  } catch {
    /* fall through to plain text */
  }
  return copyText(text);
}
