import { createRequire } from 'node:module';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../contract/users';
import { badRequest } from '../../errors';

/**
 * The 10,000 most common passwords, from zxcvbn-ts's frequency-ranked list (most common
 * first), loaded once on first use. A list from a well-kept package, not one typed in here.
 */
const COMMON_COUNT = 10_000;
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const list = createRequire(__filename)(
      '@zxcvbn-ts/language-common/src/passwords.json',
    ) as string[];
    common = new Set(list.slice(0, COMMON_COUNT).map((p) => p.toLowerCase()));
  }
  return common;
}

/**
 * ASVS 5 V6.2: 12 to 128 characters (counted as characters, not bytes), any characters, no
 * composition rules; refused when it is a common password or contains the person's email,
 * the part before the @, or their name (or a word of it of 4 letters or more). Throws
 * `400 password_weak` saying why.
 */
export function checkPasswordPolicy(password: string, who: { email: string; name: string }) {
  const reason = weakness(password, who);
  if (reason) throw badRequest('password_weak', reason, 'password');
}

function weakness(password: string, who: { email: string; name: string }): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN)
    return `Use at least ${PASSWORD_MIN} characters (this one has ${length}). A few words make a good one.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower))
    return 'That password is one of the 10,000 most common: choose another.';
  const email = who.email.trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  if ((email && lower.includes(email)) || (local.length >= 3 && lower.includes(local)))
    return 'A password cannot contain your email address.';
  const name = who.name.trim().toLowerCase();
  const words = name.split(/[\s.'-]+/).filter((w) => [...w].length >= 4);
  if (
    (name && lower.includes(name)) ||
    (name && lower.includes(name.replace(/\s+/g, ''))) ||
    words.some((w) => lower.includes(w))
  )
    return 'A password cannot contain your name.';
  return null;
}
