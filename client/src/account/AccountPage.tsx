import { useEffect } from 'preact/hooks';
import type { User } from '../../../server/contract/types';
import { roleLabel } from '../ui/format';
import { MfaSection } from './MfaSection';

interface Props {
  user: User;
  /** An admin or manager who must set up two-step sign-in before anything else. */
  mustEnrol: boolean;
  onEnrolled: () => void;
}

/** Your own account: who you are and how you sign in. */
export function AccountPage({ user, mustEnrol, onEnrolled }: Props) {
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
      <MfaSection onEnrolled={onEnrolled} />
    </section>
  );
}
