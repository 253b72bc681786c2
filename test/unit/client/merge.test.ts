import { emptyValues, type FormValues } from '../../../client/src/editor/formModel';
import { mergeLines, mergeValues } from '../../../client/src/editor/merge';

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

describe('mergeValues: line by line within a field', () => {
  const steps = '1. Open the router page.\n2. Restart.\n3. Check the light.\n4. Call back.';

  it('merges changes to different lines of one field by themselves', () => {
    const b = { ...base, resolution: steps };
    const mine = { ...b, resolution: steps.replace('2. Restart.', '2. Restart twice.') };
    const theirs = { ...b, resolution: steps.replace('4. Call back.', '4. Call back in 1 hour.') };
    const merged = mergeValues(b, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.values.resolution).toBe(
      '1. Open the router page.\n2. Restart twice.\n3. Check the light.\n4. Call back in 1 hour.',
    );
  });

  it('leaves only lines both changed differently to choose, merging the rest', () => {
    const b = { ...base, resolution: steps };
    const mine = {
      ...b,
      resolution: steps.replace('1. Open', '1. Log in and open').replace('3. Check', '3. Look at'),
    };
    const theirs = { ...b, resolution: steps.replace('3. Check', '3. Watch') };
    const merged = mergeValues(b, mine, theirs);
    expect(merged.conflicts).toEqual(['resolution']);
    // my line 1 is in; on line 3 theirs stands until I choose
    expect(merged.values.resolution).toBe(
      '1. Log in and open the router page.\n2. Restart.\n3. Watch the light.\n4. Call back.',
    );
  });

  it('takes a line both added the same way once', () => {
    const b = { ...base, resolution: steps };
    const added = { ...b, resolution: `${steps}\n5. Close the ticket.` };
    const merged = mergeValues(b, added, { ...added });
    expect(merged.values.resolution).toBe(added.resolution);
    expect(mergeLines(steps, `0. Greet.\n${steps}`, `${steps}\n5. Close.`)).toEqual({
      text: `0. Greet.\n${steps}\n5. Close.`,
      conflict: false,
    });
  });
});
