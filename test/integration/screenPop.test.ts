import request from 'supertest';
import { makeTestApp, signedIn, USERS, type Client, type TestContext } from '../helpers/app';
import { contractError } from '../helpers/contract';
import { openEventStream } from '../helpers/eventStream';
import { createToken, withToken } from '../helpers/tokens';

describe('screen-pop: the phone system opens a contact and the console hears of it', () => {
  let ctx: TestContext;
  let agent: Client;
  let phone: ReturnType<typeof withToken>;
  beforeEach(async () => {
    ctx = await makeTestApp();
    const admin = await signedIn(ctx, 'admin');
    phone = withToken(ctx, (await createToken(admin, ['contacts:write'], 'PBX')).token);
    agent = await signedIn(ctx, 'agent');
  });
  afterEach(() => ctx.close());

  const ring = (n: number, who: string = USERS.agent.email) =>
    phone.post('/api/contacts', {
      agentEmail: who,
      channel: 'phone',
      customerRef: `ACC-${n}`,
      reason: 'no dial tone',
      externalId: `call-${n}`,
    });

  it('streams the agent own new contacts within a second, and their closing', async () => {
    const stream = await openEventStream(ctx, agent, '/api/contacts/stream');
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      const opened = (await ring(1)).body.data as { id: number };
      // someone else's call is not this agent's to see
      await ring(2, USERS.engineer.email);
      const started = Date.now();
      const e = await stream.next(1000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(e).toMatchObject({
        event: 'contact.opened',
        id: expect.stringMatching(/^\d+$/),
        data: {
          id: opened.id,
          customerRef: 'ACC-1',
          openingReason: 'no dial tone',
          closedAt: null,
        },
      });
      await phone
        .post(`/api/contacts/${opened.id}/close`, { outcome: 'follow_up', note: 'call back' })
        .expect(200);
      expect(await stream.next(1000)).toMatchObject({
        event: 'contact.closed',
        data: { id: opened.id },
      });
      expect(stream.pending()).toBe(0);
    } finally {
      await stream.close();
    }
  });

  it('a reconnecting console sends Last-Event-ID and is told what it missed, once', async () => {
    const first = await openEventStream(ctx, agent, '/api/contacts/stream');
    await ring(1);
    const seen = await first.next();
    await first.close();
    await ring(2);
    await ring(3);
    const again = await openEventStream(ctx, agent, '/api/contacts/stream', {
      'Last-Event-ID': seen.id,
    });
    try {
      const missed = [await again.next(), await again.next()];
      expect(missed.map((e) => (e.data as { customerRef: string }).customerRef)).toEqual([
        'ACC-2',
        'ACC-3',
      ]);
      await ring(4);
      expect(((await again.next()).data as { customerRef: string }).customerRef).toBe('ACC-4');
      expect(again.pending()).toBe(0);
    } finally {
      await again.close();
    }
  });

  it('is for signed-in people who take contacts', async () => {
    const manager = await signedIn(ctx, 'manager');
    const res = await manager.get('/api/contacts/stream');
    expect(res.status).toBe(403);
    expect(contractError(res).id).toBe('forbidden');
    const anonymous = await request(ctx.app).get('/api/contacts/stream');
    expect(anonymous.status).toBe(401);
  });
});
