import { searchResponse } from '../../server/contract/search';
import { makeTestApp, signedIn, type Client, type TestContext } from '../helpers/app';
import { contractData } from '../helpers/contract';
import { articleInput } from '../helpers/factories';

interface Hit {
  title: string;
  coverage: number;
  why: string[];
}

describe('search coverage and weak matches', () => {
  let ctx: TestContext;
  let agent: Client;
  beforeAll(async () => {
    ctx = await makeTestApp();
    const engineer = await signedIn(ctx, 'engineer');
    agent = await signedIn(ctx, 'agent');
    const add = (o: Record<string, unknown>) =>
      engineer.post('/api/articles', articleInput({ department: 'network', ...o })).expect(201);
    await add({
      title: 'Refund a double charge',
      issue: 'The customer was charged twice and wants a refund.',
      resolution: '1. Open the billing page.\n2. Issue the refund.',
    });
    await add({
      title: 'Streaming subscription cancelled by mistake',
      issue: 'A subscription stopped and the customer wants a refund of the month.',
      resolution: '1. Reactivate the subscription.\n2. Refund the month.',
    });
  });
  afterAll(() => ctx.close());

  const search = async (q: string) => {
    const res = await agent.get(`/api/search?q=${encodeURIComponent(q)}`).expect(200);
    contractData(searchResponse, res);
    return res.body.data as { weak: boolean; hits: Hit[] };
  };
  const coverageOf = (hits: Hit[], title: string) => hits.find((h) => h.title === title)?.coverage;

  it('gives 1 when every word of the query matched, and a share when only some did', async () => {
    const { hits, weak } = await search('subscription refund');
    expect(coverageOf(hits, 'Streaming subscription cancelled by mistake')).toBe(1);
    expect(coverageOf(hits, 'Refund a double charge')).toBe(0.5);
    // coverage describes, it does not rank: the shorter article still comes first on BM25
    expect(hits[0]!.title).toBe('Refund a double charge');
    expect(weak).toBe(false); // the best covers half: not less
    expect(hits.flatMap((h) => h.why).some((w) => w.startsWith('Matched:'))).toBe(false);
  });

  it('rounds to 3 decimals', async () => {
    const { hits } = await search('refund twice tomorrow ');
    expect(coverageOf(hits, 'Refund a double charge')).toBe(0.667);
  });

  it('counts a typo that was corrected as matched', async () => {
    const { hits } = await search('subscriptoin refnud');
    expect(coverageOf(hits, 'Streaming subscription cancelled by mistake')).toBe(1);
  });

  it('counts a word being typed as matched through its completion', async () => {
    const { hits } = await search('refund subscri');
    expect(coverageOf(hits, 'Streaming subscription cancelled by mistake')).toBe(1);
  });

  it('leaves stop words out of the count', async () => {
    const { hits } = await search('how do I get a refund for the subscription');
    expect(coverageOf(hits, 'Streaming subscription cancelled by mistake')).toBe(1);
    expect(coverageOf(hits, 'Refund a double charge')).toBe(0.5);
  });

  it('is weak when even the best hit covers less than half, and says what it matched', async () => {
    const { hits, weak } = await search('paramount+ subscription refund for a satellite dish');
    expect(weak).toBe(true);
    expect(hits.length).toBeGreaterThan(0); // still listed
    // paramount, subscription, refund, satellite, dish ("for", "a" are stop words)
    expect(hits[0]).toMatchObject({ title: 'Refund a double charge', coverage: 0.2 });
    expect(hits[0]!.why[0]).toBe('Matched: refund');
    const other = hits.find((h) => h.title === 'Streaming subscription cancelled by mistake')!;
    expect(other).toMatchObject({ coverage: 0.4 });
    expect(other.why[0]).toBe('Matched: subscription, refund');
  });

  it('is not weak at exactly half, nor without hits', async () => {
    expect((await search('refund satellite')).weak).toBe(false);
    const none = await search('satellite dish');
    expect(none).toMatchObject({ weak: false, hits: [] });
  });
});
