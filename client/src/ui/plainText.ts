// Sanitized article HTML as plain text an agent can paste into a chat or ticket: numbered steps,
// bullets, and no Markdown syntax ("**Settings > About**" pastes as "Settings > About").

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE']);

/** The text of an element without its nested lists, on one line. */
function inline(el: Element): string {
  let text = '';
  for (const node of Array.from(el.childNodes)) {
    if (node instanceof Element && (node.tagName === 'OL' || node.tagName === 'UL')) continue;
    text += node.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

function list(el: Element, depth: number, lines: string[]): void {
  const start = Number(el.getAttribute('start') ?? 1) || 1;
  let n = start;
  for (const li of Array.from(el.children)) {
    if (li.tagName !== 'LI') continue;
    const marker = el.tagName === 'OL' ? `${n++}.` : '-';
    lines.push(`${'   '.repeat(depth)}${marker} ${inline(li)}`);
    for (const sub of Array.from(li.children))
      if (sub.tagName === 'OL' || sub.tagName === 'UL') list(sub, depth + 1, lines);
  }
}

function block(el: Element, lines: string[]): void {
  if (el.tagName === 'OL' || el.tagName === 'UL') return list(el, 0, lines);
  if (el.tagName === 'PRE') {
    lines.push(...(el.textContent ?? '').replace(/\n$/, '').split('\n'));
    return;
  }
  if (BLOCKS.has(el.tagName) || el.children.length === 0) {
    const text = inline(el);
    if (text) lines.push(text);
    return;
  }
  for (const child of Array.from(el.children)) block(child, lines);
}

/** `html` is the server's sanitized rendering (resolutionHtml). */
export function htmlToPlainText(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const lines: string[] = [];
  for (const el of Array.from(body.children)) block(el, lines);
  return lines.join('\n');
}
