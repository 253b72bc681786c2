import { highlight, snippet } from '../../server/search/snippet';

const spanOf = (text: string, word: string): [number, number] => {
  const at = text.indexOf(word);
  if (at < 0) throw new Error(`"${word}" not in text`);
  return [at, word.length];
};

describe('snippet', () => {
  it('escapes the text before adding marks', () => {
    const text = 'a <b> c & "d" \'e\'';
    expect(snippet(text, [[3, 1]])).toBe(
      'a &lt;<mark>b</mark>&gt; c &amp; &quot;d&quot; &#39;e&#39;',
    );
  });

  it('escapes the marked text itself', () => {
    const text = 'click <img src=x> now';
    expect(snippet(text, [spanOf(text, '<img src=x>')])).toBe(
      'click <mark>&lt;img src=x&gt;</mark> now',
    );
  });

  it('returns the whole short text when nothing matched', () => {
    expect(snippet('no matches here', [])).toBe('no matches here');
  });

  it('merges overlapping spans into one mark', () => {
    expect(
      snippet('abcdefgh', [
        [0, 5],
        [3, 5],
      ]),
    ).toBe('<mark>abcdefgh</mark>');
    expect(
      snippet('abcdefgh', [
        [3, 2],
        [1, 6],
      ]),
    ).toBe('a<mark>bcdefg</mark>h');
  });

  it('keeps separate spans separate, in text order', () => {
    const text = 'router and modem';
    expect(snippet(text, [spanOf(text, 'modem'), spanOf(text, 'router')])).toBe(
      '<mark>router</mark> and <mark>modem</mark>',
    );
  });

  it('ignores spans outside the text and empty spans', () => {
    expect(
      snippet('abc', [
        [100, 3],
        [2, 5],
        [1, 0],
      ]),
    ).toBe('abc');
    expect(
      snippet('abc', [
        [100, 3],
        [1, 1],
      ]),
    ).toBe('a<mark>b</mark>c');
  });

  it('windows long text around the first match, with ellipses on both sides', () => {
    const text = `${'word '.repeat(100)}TARGET ${'word '.repeat(100)}`.trim();
    const html = snippet(text, [spanOf(text, 'TARGET')]);
    expect(html.startsWith('… ')).toBe(true);
    expect(html.endsWith(' …')).toBe(true);
    expect(html).toContain('<mark>TARGET</mark>');
    expect(html.length).toBeLessThan(300);
    // cut at word boundaries
    expect(html).toMatch(/^… word /);
    expect(html).toMatch(/ word …$/);
  });

  it('starts at the beginning, without a leading ellipsis, when the match is near the start', () => {
    const text = `Start TARGET ${'word '.repeat(100)}`.trim();
    const html = snippet(text, [spanOf(text, 'TARGET')]);
    expect(html.startsWith('Start <mark>TARGET</mark>')).toBe(true);
    expect(html.endsWith(' …')).toBe(true);
  });

  it('leaves out matches beyond the window', () => {
    const text = `first ${'word '.repeat(100)}second`;
    const html = snippet(text, [spanOf(text, 'first'), spanOf(text, 'second')]);
    expect(html).toContain('<mark>first</mark>');
    expect(html).not.toContain('second');
  });

  // Regression (was a bug): the window starts at the last space at least window/4 characters before the first
  // match. If a long unbroken run (a URL, a hash) comes before the match, that space is far
  // back and the match falls outside the window. Input: 'intro ' + 'x' * 300 + ' TARGET end'
  // with a span on TARGET; expected TARGET marked in the snippet, actual '… xxxx…x …'.
  it('shows the first match even after a long unbroken run of text', () => {
    const text = `intro ${'x'.repeat(300)} TARGET end`;
    expect(snippet(text, [spanOf(text, 'TARGET')])).toContain('<mark>TARGET</mark>');
  });

  it('turns line breaks into a separator', () => {
    expect(snippet('line one\n\nline two', [])).toBe('line one · line two');
  });
});

describe('highlight', () => {
  it('marks every span without cutting the text', () => {
    const text = `${'long '.repeat(100)}end`;
    const html = highlight(text, [spanOf(text, 'end')]);
    expect(html).toBe(`${'long '.repeat(100)}<mark>end</mark>`);
  });
});
