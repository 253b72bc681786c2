/** The password policy in one sentence, as the server applies it (services/users/passwordPolicy). */
export const PASSWORD_HINT =
  '12 to 128 characters; a few words make a good one. Not a common password, and not your name or email.';
