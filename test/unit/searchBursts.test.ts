import { BURST_MS, continuesBurst, normalizeQuery } from '../../server/domain/searchBursts';

describe('normalizeQuery', () => {
  it.each([
    ['Router Blink', 'router blink'],
    ['  router \t\n  blink  ', 'router blink'],
    ['"router blink?"', 'router blink'],
    ['...E-1043!!', 'e-1043'],
    ['E-1043', 'e-1043'],
    ['0x80070005.', '0x80070005'],
    ['HTTP   503', 'http 503'],
    ['Ünïcode FEHLER!', 'ünïcode fehler'],
    ['wi-fi', 'wi-fi'],
  ])('normalizes %j to %j', (q, expected) => {
    expect(normalizeQuery(q)).toBe(expected);
  });

  it.each(['', '   ', '?!', ' -- ', '"'])('normalizes %j to the empty string', (q) => {
    expect(normalizeQuery(q)).toBe('');
  });

  it('is idempotent', () => {
    for (const q of ['  Router  BLINK! ', '"E-1043"', 'a  b  c'])
      expect(normalizeQuery(normalizeQuery(q))).toBe(normalizeQuery(q));
  });
});

describe('continuesBurst', () => {
  const at = (query: string, ms: number) => ({ query, at: 1_000_000 + ms });
  const continues = (a: string, b: string, gap = 500) => continuesBurst(at(a, 0), at(b, gap));

  describe('typing forward (the new query extends the old one)', () => {
    it.each([
      ['r', 'ro'],
      ['rou', 'rout'],
      ['router', 'router b'],
      ['router blin', 'router blink'],
      ['router', 'router blink orange'],
      ['router', 'router'],
    ])('%j → %j continues', (a, b) => {
      expect(continues(a, b)).toBe(true);
    });
  });

  describe('backspacing (the new query is a prefix of the old one)', () => {
    it.each([
      ['router blinkk', 'router blink'],
      ['router blink', 'router bl'],
      ['router blink orange', 'router'],
      ['rout', 'r'],
    ])('%j → %j continues', (a, b) => {
      expect(continues(a, b)).toBe(true);
    });
  });

  describe('fixing the last word', () => {
    it.each([
      ['router blnik', 'router blink'],
      ['router blink ornage', 'router blink orange'],
      ['router blink', 'router flashing'],
      ['pasword', 'passwrd'],
      ['outlok', 'outlook'],
    ])('%j → %j continues', (a, b) => {
      expect(continues(a, b)).toBe(true);
    });
  });

  describe('a different search', () => {
    it.each([
      ['modem', 'router'],
      ['wifi', 'invoice'],
      ['router', 'modem'],
      ['router blink', 'modem reset'],
      ['router blink', 'modem blink'],
      ['router blink', 'invoice'],
      ['invoice', 'router blink'],
      ['ab', 'ac'],
    ])('%j → %j starts a new one', (a, b) => {
      expect(continues(a, b)).toBe(false);
    });
  });

  describe('the gap between keystrokes', () => {
    it('continues up to BURST_MS inclusive', () => {
      expect(continues('rou', 'rout', 0)).toBe(true);
      expect(continues('rou', 'rout', BURST_MS - 1)).toBe(true);
      expect(continues('rou', 'rout', BURST_MS)).toBe(true);
    });

    it.each([
      ['a prefix', 'rou', 'rout'],
      ['the same query', 'router', 'router'],
      ['a backspace', 'router blinkk', 'router blink'],
      ['a last-word fix', 'router blnik', 'router blink'],
      ['a single-word typo fix', 'pasword', 'passwrd'],
    ])('never continues %s after more than BURST_MS', (_, a, b) => {
      expect(continues(a, b, BURST_MS + 1)).toBe(false);
      expect(continues(a, b, 60_000)).toBe(false);
    });

    it('is a few seconds: long enough for a pause, short enough to split searches', () => {
      expect(BURST_MS).toBeGreaterThanOrEqual(1000);
      expect(BURST_MS).toBeLessThanOrEqual(10_000);
    });
  });
});
