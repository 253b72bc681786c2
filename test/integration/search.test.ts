import { searchResponse } from '../../server/contract/search';
import { makeTestApp, signedIn, type Client, type TestContext } from '../helpers/app';
import { contractData } from '../helpers/contract';
import { articleInput } from '../helpers/factories';

describe('search API', () => {
  let ctx: TestContext;
  let engineer: Client;
  let agent: Client;
  beforeAll(async () => {
    ctx = await makeTestApp();
    engineer = await signedIn(ctx, 'engineer');
    agent = await signedIn(ctx, 'agent');
    const add = (o: Record<string, unknown>) =>
      engineer.post('/api/articles', articleInput(o)).expect(201);
    await add({
      title: 'Router power light blinks orange',
      issue: 'The router keeps blinking orange after the update.',
      errorCodes: ['E-1043'],
    });
    await add({
      title: 'Outlook cannot sync mail',
      issue: 'Mail app shows an access denied error.',
      errorCodes: ['0x80070005'],
    });
    await add({
      title: 'TV stream fails during live events',
      issue: 'Playback stops with a server error.',
      errorCodes: ['HTTP 503'],
    });
    await add({
      title: 'Router draft for orange light',
      issue: 'Orange light, unknown fix yet.',
      confidence: 'wip',
      resolution: '',
    });
    await add({
      title: 'Router internal runbook orange',
      issue: 'Orange light: reflash via console.',
      audience: 'internal',
    });
    await add({
      title: 'Old router orange light fix',
      issue: 'Orange light on retired model.',
      confidence: 'archived',
    });
  });
  afterAll(() => ctx.close());

  const slugsFor = async (c: Client, q: string) => {
    const res = await c.get(`/api/search?q=${encodeURIComponent(q)}`).expect(200);
    return res.body.data.hits.map((h: { title: string }) => h.title) as string[];
  };

  it('finds by a misspelled symptom and returns the documented hit shape', async () => {
    const res = await agent.get('/api/search?q=router%20blinkng%20ornage').expect(200);
    contractData(searchResponse, res);
    const hit = res.body.data.hits[0];
    expect(hit).toMatchObject({
      id: expect.any(Number),
      slug: expect.any(String),
      title: 'Router power light blinks orange',
      confidence: 'validated',
      department: 'network',
      departmentName: 'Network Engineering',
      errorCodes: ['E-1043'],
      stale: false,
    });
    expect(hit.snippet).toContain('<mark>');
    expect(res.body.data.tookMs).toEqual(expect.any(Number));
  });

  it.each([
    ['E-1043', 'Router power light blinks orange'],
    ['1043', 'Router power light blinks orange'],
    ['E-10', 'Router power light blinks orange'],
    ['0x80070005', 'Outlook cannot sync mail'],
    ['80070005', 'Outlook cannot sync mail'],
    ['HTTP 503', 'TV stream fails during live events'],
  ])('finds the article with error code %s first', async (q, title) => {
    expect((await slugsFor(agent, q))[0]).toBe(title);
  });

  it('never shows agents wip, archived or internal articles; engineers see wip and internal', async () => {
    const forAgent = await slugsFor(agent, 'orange');
    expect(forAgent).toEqual(['Router power light blinks orange']);
    const forEngineer = await slugsFor(engineer, 'orange');
    expect(forEngineer).toEqual(
      expect.arrayContaining([
        'Router power light blinks orange',
        'Router draft for orange light',
        'Router internal runbook orange',
      ]),
    );
    expect(forEngineer).not.toContain('Old router orange light fix');
  });

  it('makes a saved article searchable on the very next request, and forgets its old words', async () => {
    const { body } = await engineer
      .post('/api/articles', articleInput({ title: 'Voicemail PIN locked after three tries' }))
      .expect(201);
    expect(await slugsFor(agent, 'voicemail pin')).toContain(
      'Voicemail PIN locked after three tries',
    );
    await engineer
      .patch(`/api/articles/${body.data.id}`, { version: 1, title: 'Answerphone code blocked' })
      .expect(200);
    expect(await slugsFor(agent, 'answerphone')).toContain('Answerphone code blocked');
    expect(await slugsFor(agent, 'voicemail')).not.toContain('Answerphone code blocked');
  });

  it('filters by department and limits results', async () => {
    const res = await engineer.get('/api/search?q=orange&department=billing').expect(200);
    expect(res.body.data.hits).toEqual([]);
    const limited = await engineer.get('/api/search?q=orange&limit=1').expect(200);
    expect(limited.body.data.hits).toHaveLength(1);
    expect(limited.body.data.total).toBeGreaterThan(1);
  });

  it.each([
    'a:',
    '^',
    '~',
    '*',
    '+-',
    'title:router',
    'abcdefghijkl~7',
    'x'.repeat(900),
    '"unclosed',
    '<script>',
  ])('answers hostile query %j with 200', async (q) => {
    const res = await agent.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.data.hits)).not.toContain('<script>');
  });

  it('rejects invalid parameters with 400', async () => {
    expect((await agent.get('/api/search?q=a&limit=0')).body.error.field).toBe('limit');
    expect((await agent.get(`/api/search?q=${'x'.repeat(1001)}`)).status).toBe(400);
    expect((await agent.get('/api/search?q=a&bogus=1')).status).toBe(400);
  });

  it('returns nothing for an empty query', async () => {
    const res = await agent.get('/api/search?q=').expect(200);
    expect(res.body.data).toMatchObject({ total: 0, hits: [] });
  });
});
