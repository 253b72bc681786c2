import {
  emptyValues,
  formFieldFor,
  localErrors,
  splitList,
  toCreateBody,
  toPatchBody,
} from '../../../client/src/editor/formModel';

const filled = {
  ...emptyValues('network'),
  title: '  Router blinks orange ',
  issue: 'Light blinks orange.',
  resolution: '1. Restart.',
  errorCodes: 'E-1043, , E-1043,0x80070005',
  products: 'FH-300 router',
  tags: '',
};

describe('the editor form model', () => {
  it('splits comma lists, dropping blanks and repeats', () => {
    expect(splitList('a, b,,  c, a')).toEqual(['a', 'b', 'c']);
    expect(splitList('')).toEqual([]);
  });

  it('builds a create body without empty optionals, with the requests it answers', () => {
    const body = toCreateBody(filled, [4, 5]);
    expect(body).toMatchObject({
      title: 'Router blinks orange',
      errorCodes: ['E-1043', '0x80070005'],
      products: ['FH-300 router'],
      tags: [],
      confidence: 'wip',
      requestIds: [4, 5],
    });
    expect(body).not.toHaveProperty('cause');
    expect(body).not.toHaveProperty('verifyBy');
    expect(body).not.toHaveProperty('verifyIntervalDays');
    expect(body).not.toHaveProperty('note');
  });

  it('patches only what changed since the edit started, with the starting version', () => {
    const edited = { ...filled, tags: 'router', note: ' fixed tags ' };
    expect(toPatchBody(edited, filled, 7)).toEqual({
      version: 7,
      tags: ['router'],
      note: 'fixed tags',
    });
  });

  it('has nothing to patch when nothing but whitespace in a list changed', () => {
    expect(toPatchBody({ ...filled, products: ' FH-300 router ' }, filled, 3)).toBeNull();
  });

  it('maps the server error field to a form field', () => {
    expect(formFieldFor('errorCodes.2')).toBe('errorCodes');
    expect(formFieldFor('tags[0]')).toBe('tags');
    expect(formFieldFor('nonsense')).toBeNull();
    expect(formFieldFor(undefined)).toBeNull();
  });

  it('catches a non-numeric verification interval before a round trip', () => {
    expect(localErrors({ ...filled, verifyIntervalDays: 'soon' })).toHaveProperty(
      'verifyIntervalDays',
    );
    expect(localErrors({ ...filled, verifyIntervalDays: '90' })).toEqual({});
  });
});
