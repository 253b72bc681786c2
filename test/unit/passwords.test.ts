import { hashPassword, verifyPassword } from '../../server/services/users/passwords';

const PASSWORD = 'correct horse battery';

/** Replaces one `$`-separated field of a stored hash. */
function withField(stored: string, index: number, value: string): string {
  const parts = stored.split('$');
  parts[index] = value;
  return parts.join('$');
}

describe('passwords', () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword(PASSWORD);
  });

  it('stores scrypt$N$r$p$salt$hash', () => {
    expect(stored).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    const [, n, r, p, salt, hash] = stored.split('$');
    expect([Number(n), Number(r), Number(p)]).toEqual([32768, 8, 1]);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
    expect(stored).not.toContain(PASSWORD);
  });

  it('salts every hash', async () => {
    const again = await hashPassword(PASSWORD);
    expect(again).not.toBe(stored);
    expect(again.split('$')[4]).not.toBe(stored.split('$')[4]);
    await expect(verifyPassword(PASSWORD, again)).resolves.toBe(true);
  });

  it('verifies the right password and rejects wrong ones', async () => {
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
    await expect(verifyPassword(`${PASSWORD} `, stored)).resolves.toBe(false);
  });

  it('rejects a hash whose key or salt was changed', async () => {
    const key = Buffer.from(stored.split('$')[5]!, 'base64');
    key[0] = key[0]! ^ 1;
    await expect(
      verifyPassword(PASSWORD, withField(stored, 5, key.toString('base64'))),
    ).resolves.toBe(false);
    const salt = Buffer.from(stored.split('$')[4]!, 'base64');
    salt[0] = salt[0]! ^ 1;
    await expect(
      verifyPassword(PASSWORD, withField(stored, 4, salt.toString('base64'))),
    ).resolves.toBe(false);
  });

  it.each([
    ['garbage', 'garbage'],
    ['empty string', ''],
    ['only separators', '$$$$$'],
    ['another scheme', 'bcrypt$2b$10$abcdefghijklmnopqrstuv$abcdefghijklmnopqrstuvwxyz01234'],
    ['missing hash', 'scrypt$32768$8$1$c2FsdA=='],
  ])('returns false for a stored value that is %s', async (_label, value) => {
    await expect(verifyPassword(PASSWORD, value)).resolves.toBe(false);
  });

  it.each([64, 256])('handles a %i-character password', async (length) => {
    const long = 'pässwörd-'.repeat(40).slice(0, length);
    expect(long).toHaveLength(length);
    const hash = await hashPassword(long);
    await expect(verifyPassword(long, hash)).resolves.toBe(true);
    await expect(verifyPassword(long.slice(0, -1), hash)).resolves.toBe(false);
  });

  // Regression (was a bug): verifyPassword passes N, r and p from the stored string straight to scrypt, so a
  // tampered cost parameter makes it reject (throw) instead of resolving to false.
  // Input: N=3 (not a power of two) → "Invalid scrypt params"; N=x → RangeError.
  it.each<[string, number, string]>([
    ['N not a power of two', 1, '3'],
    ['N not a number', 1, 'x'],
    ['N past the memory limit', 1, String(2 ** 24)],
  ])('returns false (does not throw) for a hash with %s', async (_label, index, value) => {
    await expect(verifyPassword(PASSWORD, withField(stored, index, value))).resolves.toBe(false);
  });

  // Regression (was a bug): the key length is taken from the stored hash. A hash field that decodes to zero bytes
  // (e.g. "!!!!") makes scrypt derive an empty key, timingSafeEqual(empty, empty) is true, and
  // ANY password verifies. (A 1-byte hash would accept 1 password in 256.)
  it('rejects every password when the stored hash decodes to zero bytes', async () => {
    await expect(verifyPassword('anything at all', withField(stored, 5, '!!!!'))).resolves.toBe(
      false,
    );
  });
});
