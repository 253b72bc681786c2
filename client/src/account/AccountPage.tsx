import { useEffect, useState } from 'preact/hooks';
import type { User } from '../../../server/contract/types';
import { api } from '../api';
import { roleLabel } from '../ui/format';
import { MfaSection } from './MfaSection';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';

interface Props {
  user: User;
  /** An admin or manager who must set up two-step sign-in before anything else. */
  mustEnrol: boolean;
  onEnrolled: () => void;
}

/** Your own account: who you are and how you sign in. */
export function AccountPage({ user, mustEnrol, onEnrolled }: Props) {
  const [changes, setChanges] = useState(0);
  const [sso, setSso] = useState(false);
  useEffect(() => {
    // signed in through the company's provider: no password or TOTP of ours to manage
    api.me().then(
      (me) => setSso(me.signInMethod === 'sso'),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    document.title = 'Account · Firstcall';
  }, []);
  return (
    <section class="account-page" aria-labelledby="account-title">
      <h1 id="account-title">Account</h1>
      {mustEnrol && (
        <p class="notice" role="alert">
          Your role needs two-step sign-in. Set it up to continue.
        </p>
      )}
      <p>
        {user.name} · {user.email} · {roleLabel[user.role] ?? user.role} · {user.department.name}
      </p>
      {sso ? (
        <p>
          You sign in with your company account: its password and two-step sign-in are managed
          there.
        </p>
      ) : (
        <>
          <MfaSection onEnrolled={onEnrolled} />
          {!mustEnrol && <PasswordSection onChanged={() => setChanges((n) => n + 1)} />}
        </>
      )}
      {!mustEnrol && <SessionsSection reload={changes} />}
    </section>
  );
}
