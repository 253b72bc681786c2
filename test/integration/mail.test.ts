import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { inviteResponse, resetResponse } from '../../server/contract/users';
import { makeTestApp, signedIn, type TestContext } from '../helpers/app';
import { contractData } from '../helpers/contract';

interface Received {
  from: string;
  to: string[];
  text: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it is sent. */
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let text = '';
      stream.on('data', (c: Buffer) => (text += String(c)));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          text,
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('invitation and reset links by mail (SMTP_URL)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ctx: TestContext;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());
  afterEach(() => ctx.close());

  const invite = async () => {
    const admin = await signedIn(ctx, 'admin');
    const res = await admin
      .post('/api/users', {
        email: 'robin@test.example',
        name: 'Robin Newcomer',
        role: 'agent',
        department: 'frontline',
      })
      .expect(201);
    return { admin, data: contractData(inviteResponse, res) };
  };

  it('mails the link to the person, and still shows it to the admin', async () => {
    ctx = await makeTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Firstcall <kb@test.example>',
      PUBLIC_URL: 'https://kb.test.example',
    });
    const { admin, data } = await invite();
    expect(data.emailed).toBe(true);
    expect(data.inviteUrl).toMatch(/^https:\/\/kb\.test\.example\/set-password\?token=/);
    const [mail] = smtp.received.splice(0);
    expect(mail).toMatchObject({ from: 'kb@test.example', to: ['robin@test.example'] });
    // quoted-printable may wrap the long link: unfold it before looking
    const body = mail!.text.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(body).toContain('Subject: Your Firstcall account');
    expect(body).toContain(data.inviteUrl);

    const reset = contractData(
      resetResponse,
      await admin.post(`/api/users/${data.user.id}/password-reset`).expect(200),
    );
    expect(reset.emailed).toBe(true);
    expect(smtp.received).toHaveLength(1);
  });

  it('an unreachable mail server never fails the invitation: the admin hands the link over', async () => {
    ctx = await makeTestApp({ SMTP_URL: 'smtp://127.0.0.1:9' });
    const { data } = await invite();
    expect(data.emailed).toBe(false);
    expect(data.inviteUrl).toMatch(/\/set-password\?token=/);
  });
});
