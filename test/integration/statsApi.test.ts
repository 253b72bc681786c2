import { client, makeTestApp, signedIn, type TestContext, type UserKey } from '../helpers/app';
import { day } from '../helpers/lifecycle';
import { at, buildStatsFixture, RANGE, stats, type StatsFixture } from '../helpers/stats';

const ENDPOINTS = [
  'summary',
  'series',
  'matrix',
  'gaps',
  'time-to-publish',
  'articles',
  'contacts',
] as const;

describe('statistics API: who may read', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await makeTestApp();
  });
  afterAll(() => ctx.close());

  const range = { from: day(-7), to: day(0) };

  it.each<[UserKey, number]>([
    ['agent', 403],
    ['engineer', 403],
    ['billingEngineer', 403],
    ['manager', 200],
    ['admin', 200],
  ])('%s gets %d from every endpoint', async (who, status) => {
    const c = await signedIn(ctx, who);
    for (const endpoint of ENDPOINTS) {
      const res = await stats(c, endpoint, range);
      expect([endpoint, res.status]).toEqual([endpoint, status]);
      if (status === 403) expect(res.body.error.id).toBe('forbidden');
    }
  });

  it('answers 401 without a session, before validating anything', async () => {
    for (const endpoint of ENDPOINTS) {
      const res = await stats(client(ctx), endpoint, { from: 'nonsense' });
      expect([endpoint, res.status, res.body.error.id]).toEqual([endpoint, 401, 'unauthenticated']);
    }
  });
});

describe('statistics API: invalid ranges and filters', () => {
  let ctx: TestContext;
  let manager: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    ctx = await makeTestApp();
    manager = await signedIn(ctx, 'manager');
  });
  afterAll(() => ctx.close());

  const ok = { from: day(-7), to: day(0) };

  it.each<[string, Record<string, string>, string]>([
    ['no from', { to: day(0) }, 'from'],
    ['no to', { from: day(-7) }, 'to'],
    ['a word for a date', { ...ok, from: 'yesterday' }, 'from'],
    ['February 30', { ...ok, from: '2026-02-30' }, 'from'],
    ['month 13', { ...ok, to: '2026-13-01' }, 'to'],
    ['a date-time', { ...ok, to: `${day(0)}T10:00:00Z` }, 'to'],
    ['from after to', { from: day(0), to: day(-1) }, 'from'],
    ['732 days', { from: day(-731), to: day(0) }, 'to'],
    ['an unknown agent department', { ...ok, agentDepartment: 'sales' }, 'agentDepartment'],
    ['an unknown article department', { ...ok, articleDepartment: 'sales' }, 'articleDepartment'],
    ['an empty department', { ...ok, agentDepartment: '' }, 'agentDepartment'],
    ['an unknown channel', { ...ok, channel: 'fax' }, 'channel'],
    ['an unknown format', { ...ok, format: 'xlsx' }, 'format'],
    ['an unknown parameter', { ...ok, team: 'a' }, 'team'],
  ])('answers 400 naming the field for %s, on every endpoint', async (_, params, field) => {
    for (const endpoint of ENDPOINTS) {
      const res = await stats(manager, endpoint, params);
      expect([endpoint, res.status]).toEqual([endpoint, 400]);
      expect(res.body).toEqual({
        error: { id: 'validation_failed', message: expect.any(String), field },
      });
      expect(res.body.error.message.length).toBeGreaterThan(5);
    }
  });

  it('says what is wrong in words', async () => {
    const message = async (params: Record<string, string>) =>
      (await stats(manager, 'summary', params)).body.error.message as string;
    expect(await message({ from: day(0), to: day(-1) })).toBe('`from` must be on or before `to`.');
    expect(await message({ ...ok, agentDepartment: 'sales' })).toBe('Unknown department "sales".');
    expect(await message({ from: day(-731), to: day(0) })).toBe('A range covers at most 731 days.');
  });

  it('accepts one day (from = to) and the longest range, 731 days', async () => {
    expect((await stats(manager, 'summary', { from: day(0), to: day(0) })).status).toBe(200);
    expect((await stats(manager, 'summary', { from: day(-730), to: day(0) })).status).toBe(200);
  });

  it.each<[string, Record<string, string>, string]>([
    ['series', { bucket: 'month' }, 'bucket'],
    ['gaps', { limit: '0' }, 'limit'],
    ['gaps', { limit: '501' }, 'limit'],
    ['gaps', { limit: 'ten' }, 'limit'],
    ['contacts', { metric: 'everything' }, 'metric'],
    ['contacts', { limit: '1001' }, 'limit'],
    ['contacts', { offset: '-1' }, 'offset'],
    ['summary', { bucket: 'day' }, 'bucket'],
    ['matrix', { limit: '5' }, 'limit'],
  ])('%s: 400 for %j', async (endpoint, params, field) => {
    const res = await stats(manager, endpoint, { ...ok, ...params });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'validation_failed', field });
  });

  it('gaps: 400 filter_not_applicable for an article department (searches without articles)', async () => {
    const res = await stats(manager, 'gaps', { ...ok, articleDepartment: 'billing' });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      id: 'filter_not_applicable',
      message: expect.stringContaining('articleDepartment'),
      field: 'articleDepartment',
    });
  });
});

describe('statistics API: CSV export', () => {
  let ctx: TestContext;
  let f: StatsFixture;
  beforeAll(async () => {
    ctx = await makeTestApp();
    f = await buildStatsFixture(ctx);
  }, 60_000);
  afterAll(() => ctx.close());

  const csv = async (endpoint: string, params: Record<string, string> = {}) => {
    const res = await stats(f.manager, endpoint, { ...RANGE, ...params, format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    return { text: res.text, disposition: res.headers['content-disposition'] };
  };
  const lines = (...rows: string[]) => rows.map((r) => `${r}\r\n`).join('');

  it('summary: a header row and the numbers (same as the JSON)', async () => {
    const { text, disposition } = await csv('summary');
    expect(disposition).toBe(
      `attachment; filename="firstcall-summary-${RANGE.from}-to-${RANGE.to}.csv"`,
    );
    expect(text).toBe(
      lines(
        'contacts,solved,escalated,followUp,fcrClaimed,fcrVerified,fcrVerifiedEligible,escalationRate,escalationsAvoided,escalationsAvoidedValue (USD),linkRate,reuseRate',
        // rates to 4 places: 4/15 = 0.2666… → 0.2667, 7/15 → 0.4667, 5/6 → 0.8333
        '15,9,4,2,0.6,0.375,8,0.2667,4,188,0.4667,0.8333',
      ),
    );
  });

  it('summary of an empty range: null rates are empty cells', async () => {
    const { text } = await csv('summary', { from: day(-400), to: day(-390) });
    expect(text.split('\r\n')[1]).toBe('0,0,0,0,,,0,,0,0,,');
  });

  it('matrix', async () => {
    const { text, disposition } = await csv('matrix');
    expect(disposition).toBe(
      `attachment; filename="firstcall-matrix-${RANGE.from}-to-${RANGE.to}.csv"`,
    );
    expect(text).toBe(
      lines(
        'articleDepartment,agentDepartment,solves',
        'billing,billing,1',
        'billing,frontline,1',
        'network,frontline,3',
        'network,network,1',
      ),
    );
  });

  it('series: one row per bucket, named by the bucket', async () => {
    const week = await csv('series', { bucket: 'week' });
    expect(week.disposition).toBe(
      `attachment; filename="firstcall-series-week-${RANGE.from}-to-${RANGE.to}.csv"`,
    );
    expect(week.text.split('\r\n')[0]).toBe(
      'week,contacts,solved,escalated,followUp,fcrClaimed,fcrVerified,fcrVerifiedEligible,escalationRate,escalationsAvoided,escalationsAvoidedValue (USD),linkRate,reuseRate',
    );
    const days = (await csv('series', { channel: 'chat' })).text.split('\r\n').slice(1, -1);
    expect(days).toHaveLength(40); // every day of the range
    // chats closed on three days: c3 (day −17), c6 (−10), c12 (−8)
    expect(days.filter((r) => r.split(',')[1] !== '0')).toHaveLength(3);
  });

  it('gaps: one row per kind and query, quotes and commas escaped', async () => {
    const { text, disposition } = await csv('gaps');
    expect(disposition).toBe(
      `attachment; filename="firstcall-gaps-${RANGE.from}-to-${RANGE.to}.csv"`,
    );
    expect(text).toBe(
      lines(
        'kind,query,count,lastDay',
        `zeroResults,refund expired card,2,${day(-20)}`,
        `zeroResults,router blinks orange,2,${day(-17)}`,
        `zeroResults,"modem ""reboot"", nightly",1,${day(-6)}`,
        `nothingOpened,invoice large print,1,${day(-3)}`,
        `nothingOpened,router blinks orange,1,${day(-22)}`,
        `escalatedWithoutArticle,router blinks orange,3,${day(-17)}`,
        `escalatedWithoutArticle,invoice large print,1,${day(-3)}`,
      ),
    );
  });

  it('contacts: formula cells get a leading apostrophe, then quoting', async () => {
    const { text, disposition } = await csv('contacts', { metric: 'reused', channel: 'email' });
    expect(disposition).toBe(
      `attachment; filename="firstcall-drill-reused-${RANGE.from}-to-${RANGE.to}.csv"`,
    );
    const { BIL, NEW } = f.articles;
    expect(text).toBe(
      lines(
        'id,agent,agentDepartment,channel,customerRef,startedAt,closedAt,outcome,articleId,article,articleDepartment,escalatedTo',
        // c4: customer reference "-R2" starts like a formula
        `${f.ids.c4},Agent C,billing,email,'-R2,${at(20, '11:00')},${at(20, '11:20')},solved,${BIL.id},Refund to an expired card,billing,`,
      ),
    );
    const chat = await csv('contacts', { metric: 'avoided', channel: 'chat' });
    expect(chat.text.split('\r\n')[1]).toBe(
      `${f.ids.c6},"'=HYPERLINK(""http://evil.example"",""Agent B"")",frontline,chat,R3,${at(10, '10:00')},${at(10, '10:20')},solved,${NEW.id},Mesh node drops every hour,network,`,
    );
  });

  it('articles: every impact column', async () => {
    const { text, disposition } = await csv('articles', { articleDepartment: 'billing' });
    expect(disposition).toBe(
      `attachment; filename="firstcall-impact-${RANGE.from}-to-${RANGE.to}.csv"`,
    );
    const [header, row] = text.split('\r\n');
    expect(header).toBe(
      'id,slug,title,departmentSlug,confidence,verifyBy,lastVerified,uses,solves,failedTries,escalationsAvoided,openFlags,solveRate',
    );
    expect(row!.split(',').slice(-6)).toEqual(['3', '2', '1', '1', '0', '0.6667']);
  });

  it('an empty export still has its header row', async () => {
    const empty = { from: day(-400), to: day(-390) };
    expect((await csv('matrix', empty)).text).toBe(
      lines('articleDepartment,agentDepartment,solves'),
    );
    expect((await csv('gaps', empty)).text).toBe(lines('kind,query,count,lastDay'));
    expect((await csv('contacts', empty)).text.split('\r\n')).toHaveLength(2);
  });

  it('time to publish exports CSV too', async () => {
    const { text, disposition } = await csv('time-to-publish');
    expect(disposition).toBe(
      `attachment; filename="firstcall-time-to-publish-${RANGE.from}-to-${RANGE.to}.csv"`,
    );
    expect(text.split('\r\n')[0]).toBe('step,count,medianHours,p90Hours');
  });

  it('names every file by its kind and the range asked (the drill-down by its metric)', async () => {
    const range = { from: day(-30), to: day(-2) };
    const names = {
      summary: 'summary',
      series: 'series-day',
      matrix: 'matrix',
      gaps: 'gaps',
      'time-to-publish': 'time-to-publish',
      articles: 'impact',
      contacts: 'drill-all',
    };
    for (const [endpoint, kind] of Object.entries(names)) {
      const { disposition } = await csv(endpoint, range);
      expect(disposition).toBe(
        `attachment; filename="firstcall-${kind}-${range.from}-to-${range.to}.csv"`,
      );
    }
    const escalated = await csv('contacts', { ...range, metric: 'escalated' });
    expect(escalated.disposition).toContain(`firstcall-drill-escalated-${range.from}-to-`);
  });

  it('money carries the currency setting in its header, rounded to its minor unit', async () => {
    const patch = (body: object) => f.admin.patch('/api/settings', body).expect(200);
    const summaryRow = async () => {
      const [header, row] = (await csv('summary')).text.split('\r\n');
      return { header: header!.split(','), row: row!.split(',') };
    };
    try {
      // 4 avoided × (69.335 − 22.2) = 188.54 (and float noise: 188.54000000000002)
      await patch({ currency: 'eur', costEscalated: 69.335, costFirstContact: 22.2 });
      expect((await f.admin.get('/api/settings').expect(200)).body.data.currency).toBe('EUR');
      let { header, row } = await summaryRow();
      expect(header[9]).toBe('escalationsAvoidedValue (EUR)');
      expect(row[9]).toBe('188.54');
      const week = (await csv('series', { bucket: 'week' })).text.split('\r\n')[0]!;
      expect(week.split(',')[10]).toBe('escalationsAvoidedValue (EUR)');
      // yen have no minor unit: whole numbers
      await patch({ currency: 'JPY' });
      ({ header, row } = await summaryRow());
      expect(header[9]).toBe('escalationsAvoidedValue (JPY)');
      expect(row[9]).toBe('189');
      // the JSON keeps the exact number and its key: the currency is a setting
      const json = await stats(f.manager, 'summary', RANGE);
      expect(json.body.data.escalationsAvoidedValue).toBeCloseTo(188.54, 9);
    } finally {
      await patch({ currency: 'USD', costEscalated: 69, costFirstContact: 22 });
    }
  });

  // numbers are never escaped like formulas: a negative value stays a number
  it('a negative value stays a number', async () => {
    expect(
      (await f.admin.patch('/api/settings', { costEscalated: 20, costFirstContact: 50 })).status,
    ).toBe(200);
    try {
      const json = await stats(f.manager, 'summary', RANGE);
      expect(json.body.data.escalationsAvoidedValue).toBe(-120);
      const { text } = await csv('summary');
      expect(text.split('\r\n')[1]!.split(',')[9]).toBe('-120');
    } finally {
      await f.admin.patch('/api/settings', { costEscalated: 69, costFirstContact: 22 });
    }
  });
});
