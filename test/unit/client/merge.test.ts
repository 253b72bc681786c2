import { emptyValues, type FormValues } from '../../../client/src/editor/formModel';
import { mergeValues } from '../../../client/src/editor/merge';

const base: FormValues = {
  ...emptyValues('network'),
  title: 'Router blinks orange',
  issue: 'The light blinks orange.',
  resolution: '1. Restart.',
  tags: 'router',
};

describe('mergeValues (the editor after a 409)', () => {
  it('keeps my change to a field they did not touch, and theirs to a field I did not touch', () => {
    const mine = { ...base, title: 'Router blinks orange after update' };
    const theirs = { ...base, resolution: '1. Restart.\n2. Update firmware.' };
    const merged = mergeValues(base, mine, theirs);
    expect(merged.values.title).toBe('Router blinks orange after update');
    expect(merged.values.resolution).toBe('1. Restart.\n2. Update firmware.');
    expect(merged.conflicts).toEqual([]);
  });

  it('reports a field we both changed differently, showing theirs', () => {
    const mine = { ...base, issue: 'Orange light, no internet.' };
    const theirs = { ...base, issue: 'Blinking orange since the update.' };
    const merged = mergeValues(base, mine, theirs);
    expect(merged.conflicts).toEqual(['issue']);
    expect(merged.values.issue).toBe('Blinking orange since the update.');
  });

  it('is no conflict when we both made the same change', () => {
    const same = { ...base, tags: 'router, firmware' };
    expect(mergeValues(base, same, same).conflicts).toEqual([]);
  });

  it('keeps my version note, never theirs', () => {
    const merged = mergeValues(base, { ...base, note: 'typo' }, { ...base, note: 'other' });
    expect(merged.values.note).toBe('typo');
  });
});
