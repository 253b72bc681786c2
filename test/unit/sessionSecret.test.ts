import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sessionSecret } from '../../server/auth/sessionSecret';

describe('the session secret outside production', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-secret-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is generated once and kept with the data, readable only by the server user', () => {
    const databasePath = path.join(dir, 'data', 'firstcall.db');
    const first = sessionSecret({ sessionSecret: null, databasePath });
    const again = sessionSecret({ sessionSecret: null, databasePath });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(again).toBe(first);
    expect(fs.statSync(`${databasePath}.secret`).mode & 0o777).toBe(0o600);
  });

  it('is SESSION_SECRET when given, and writes nothing', () => {
    const databasePath = path.join(dir, 'x.db');
    const given = 'a-secret-set-by-the-operator-0123456789';
    expect(sessionSecret({ sessionSecret: given, databasePath })).toBe(given);
    expect(fs.existsSync(`${databasePath}.secret`)).toBe(false);
  });

  it('is new for each in-memory database', () => {
    const memory = { sessionSecret: null, databasePath: ':memory:' };
    expect(sessionSecret(memory)).not.toBe(sessionSecret(memory));
  });
});
