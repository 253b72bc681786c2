import { errorCodesText, tokenize, type RawToken } from '../../server/search/tokenizer';

const terms = (tokens: RawToken[]) => tokens.map((t) => t.term);
const find = (tokens: RawToken[], term: string) => tokens.find((t) => t.term === term);

describe('tokenize', () => {
  it('keeps E-1043 whole, in parts and joined, without a lone "e"', () => {
    const tokens = tokenize('E-1043');
    expect(find(tokens, 'e-1043')?.kind).toBe('whole');
    expect(find(tokens, '1043')?.kind).toBe('part');
    expect(find(tokens, 'e1043')?.kind).toBe('joined');
    expect(terms(tokens)).not.toContain('e');
  });

  it('indexes a hex code with and without its 0x prefix', () => {
    const tokens = tokenize('0x80070005');
    expect(find(tokens, '0x80070005')?.kind).toBe('whole');
    expect(find(tokens, '80070005')?.kind).toBe('part');
  });

  it('splits an underscore code into its parts and keeps it whole', () => {
    const tokens = tokenize('DNS_PROBE_FINISHED_NXDOMAIN');
    expect(find(tokens, 'dns_probe_finished_nxdomain')?.kind).toBe('whole');
    for (const part of ['dns', 'probe', 'finished', 'nxdomain']) {
      expect(find(tokens, part)?.kind).toBe('part');
    }
    expect(find(tokens, 'dnsprobefinishednxdomain')?.kind).toBe('joined');
  });

  it('treats "HTTP 503" as a word and a number', () => {
    const tokens = tokenize('HTTP 503');
    expect(find(tokens, 'http')?.kind).toBe('word');
    expect(find(tokens, '503')?.kind).toBe('whole');
  });

  it('lowercases plain words and marks them as words', () => {
    const tokens = tokenize('The Router is BLINKING');
    expect(tokens).toEqual([
      { term: 'the', start: 0, length: 3, kind: 'word' },
      { term: 'router', start: 4, length: 6, kind: 'word' },
      { term: 'is', start: 11, length: 2, kind: 'word' },
      { term: 'blinking', start: 14, length: 8, kind: 'word' },
    ]);
  });

  it('gives positions that point at the matching substring of the input', () => {
    const input = 'Box shows E-1043, then 0x80070005 and DNS_PROBE_FINISHED_NXDOMAIN (HTTP 503).';
    const tokens = tokenize(input);
    expect(tokens.length).toBeGreaterThan(10);
    for (const t of tokens) {
      const original = input.slice(t.start, t.start + t.length).toLowerCase();
      if (t.kind === 'joined') {
        expect(original.replace(/[-_.:/]/g, '')).toBe(t.term);
      } else {
        expect(original).toBe(t.term);
      }
    }
  });

  // Regression (was a bug): parts are located by offsets in the *lowercased* string; when lowercasing changes the
  // length ("İ" becomes "i̇", two code units), every later part points one character too far.
  // Input "İ-1043 x": the part "1043" gets start 3 (pointing at "043 ") instead of 2.
  it('keeps part positions right when lowercasing changes the length', () => {
    const input = 'İ-1043 x';
    const part = find(tokenize(input), '1043');
    expect(part).toBeDefined();
    expect(input.slice(part!.start, part!.start + part!.length)).toBe('1043');
  });

  it('skips tokens longer than 48 characters', () => {
    const long = 'a'.repeat(49);
    const tokens = tokenize(`before ${long} after ${'b'.repeat(48)}`);
    expect(terms(tokens)).toEqual(['before', 'after', 'b'.repeat(48)]);
  });

  it('returns nothing for text without letters or digits', () => {
    expect(tokenize('  -- ** ;; ')).toEqual([]);
  });
});

describe('errorCodesText', () => {
  it('joins codes, turning inner spaces into hyphens so lengths are kept', () => {
    const text = errorCodesText(['HTTP 503', 'E-1']);
    expect(text).toBe('HTTP-503 ; E-1');
    expect(text.slice(0, 'HTTP 503'.length)).toBe('HTTP-503');
  });

  it('tokenizes a multi-word code as one identifier', () => {
    const tokens = tokenize(errorCodesText(['HTTP 503']));
    expect(find(tokens, 'http-503')?.kind).toBe('whole');
    expect(find(tokens, 'http503')?.kind).toBe('joined');
  });
});
