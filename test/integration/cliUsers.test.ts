import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../server/paths';
import { cliRunner } from '../helpers/cli';

/** `firstcall user …` as an operator runs it: its own process, a real database file. */
describe('cli: users', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-cli-users-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cli = cliRunner(() => path.join(dir, 'cli.db'), {
    CONTENT_DIR: path.join(ROOT, 'content'),
    PUBLIC_URL: 'https://kb.example.com/',
    FIRSTCALL_PASSWORD: '',
  });
  const ok = (...args: string[]) => {
    const run = cli(...args);
    if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
    return run.stdout;
  };

  it('adds, lists, changes, disables and resets users', () => {
    ok('import', path.join(ROOT, 'content')); // the departments
    const add = (email: string, role: string, password = 'a sturdy passphrase') =>
      cli(
        'user',
        'add',
        '--email',
        email,
        '--name',
        `Person ${role}`,
        '--role',
        role,
        '--department',
        'frontline',
        '--password',
        password,
      );
    expect(add('first.admin@example.com', 'admin').status).toBe(0);
    expect(add('agent.one@example.com', 'agent').status).toBe(0);

    const weak = add('weak@example.com', 'agent', 'short');
    expect(weak.status).toBe(1);
    expect(weak.stderr.trim()).toBe(
      'error (password_weak): Use at least 12 characters (this one has 5). A few words make a good one.',
    );

    const table = ok('user', 'list').trimEnd().split('\n');
    expect(table[0]).toMatch(/^EMAIL\s+NAME\s+ROLE\s+DEPARTMENT\s+STATUS\s+LAST SIGN-IN$/);
    expect(table.slice(1).map((l) => l.split(/\s{2,}/))).toEqual([
      ['first.admin@example.com', 'Person admin', 'admin', 'frontline', 'active', 'never'],
      ['agent.one@example.com', 'Person agent', 'agent', 'frontline', 'active', 'never'],
    ]);

    expect(
      JSON.parse(
        ok('user', 'set', 'AGENT.ONE@example.com', '--role', 'engineer', '--department', 'network'),
      ),
    ).toEqual({
      email: 'agent.one@example.com',
      name: 'Person agent',
      role: 'engineer',
      department: 'network',
      active: true,
    });
    expect(JSON.parse(ok('user', 'set', 'agent.one@example.com', '--disable')).active).toBe(false);
    const listed = JSON.parse(ok('user', 'list', '--role', 'engineer', '--json')) as {
      active: boolean;
    }[];
    expect(listed).toEqual([
      expect.objectContaining({ email: 'agent.one@example.com', active: false }),
    ]);
    expect(JSON.parse(ok('user', 'set', 'agent.one@example.com', '--enable')).active).toBe(true);

    const lastAdmin = cli('user', 'set', 'first.admin@example.com', '--disable');
    expect(lastAdmin.status).toBe(1);
    expect(lastAdmin.stderr.trim()).toMatch(
      /^error \(last_admin\): Person admin is the last active admin/,
    );

    const reset = JSON.parse(ok('user', 'reset', 'agent.one@example.com')) as {
      resetUrl: string;
      expiresAt: string;
    };
    expect(reset.resetUrl).toMatch(/^https:\/\/kb\.example\.com\/set-password\?token=[\w-]{43}$/);
    expect(Date.parse(reset.expiresAt)).toBeGreaterThan(Date.now() + 71 * 3_600_000);

    for (const [args, message] of [
      [
        ['user', 'set', 'nobody@example.com', '--role', 'agent'],
        /^error \(not_found\): No user has the email nobody@example\.com\.$/,
      ],
      [['user', 'set', 'agent.one@example.com'], /^user: nothing to change/],
      [
        ['user', 'set', 'agent.one@example.com', '--role', 'boss'],
        /a role is one of agent, engineer, manager, admin/,
      ],
      [
        ['user', 'set', 'agent.one@example.com', '--department', 'nowhere'],
        /^error \(validation_failed\): Unknown department "nowhere"\.$/,
      ],
      [['user', 'reset', 'nobody@example.com'], /^error \(not_found\)/],
    ] as const) {
      const run = cli(...args);
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toMatch(message);
    }
  });
});
