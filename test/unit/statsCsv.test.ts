import { roundTo, statsCsv } from '../../server/presenters/statsCsv';

describe('statistics CSV', () => {
  it('rounds half away from zero, despite binary fractions', () => {
    expect(roundTo(2 / 3, 4)).toBe(0.6667);
    expect(roundTo(0.00005, 4)).toBe(0.0001);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-0.00001, 4)).toBe(0); // never "-0"
    expect(roundTo(188.54000000000002, 2)).toBe(188.54);
  });

  it('names the file by kind and range, rates to 4 places, money with its currency', () => {
    const row = { day: '2026-09-01', fcrClaimed: 1 / 3, escalationsAvoidedValue: 10.005 };
    const csv = statsCsv('series-day', [row], {
      from: '2026-09-01',
      to: '2026-11-30',
      currency: 'KWD',
    });
    expect(csv.fileName).toBe('firstcall-series-day-2026-09-01-to-2026-11-30.csv');
    const [header, line] = csv.body.split('\r\n');
    expect(header).toContain(',escalationsAvoidedValue (KWD),');
    // Kuwaiti dinars have three decimals
    const cells = Object.fromEntries(header!.split(',').map((h, i) => [h, line!.split(',')[i]]));
    expect(cells.fcrClaimed).toBe('0.3333');
    expect(cells['escalationsAvoidedValue (KWD)']).toBe('10.005');
    expect(
      statsCsv('drill', [], {
        from: '2026-09-01',
        to: '2026-09-01',
        currency: 'USD',
        suffix: 'all',
      }).fileName,
    ).toBe('firstcall-drill-all-2026-09-01-to-2026-09-01.csv');
  });
});
