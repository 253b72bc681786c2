import { useEffect } from 'preact/hooks';
import { Link } from '../ui/Link';

/** Why the company's sign-in did not let someone in, in words they can act on. */
const REASONS: Record<string, { title: string; text: string }> = {
  no_access: {
    title: 'No access to Firstcall',
    text: 'Your company account signed in, but it is in none of the groups that give access to Firstcall. Ask your IT service desk to add you to the right group.',
  },
  disabled: {
    title: 'Your account is disabled',
    text: 'An administrator has disabled your Firstcall account. Ask them if you should have access.',
  },
  email_in_use: {
    title: 'An account with your email exists already',
    text: 'Firstcall has a separate account with your email address. Ask an administrator to sort it out; it is never joined to a company sign-in by email alone.',
  },
  no_email: {
    title: 'Your company account has no email',
    text: 'Firstcall needs an email address from your company account. Ask your IT service desk.',
  },
  unavailable: {
    title: 'The company sign-in is unavailable',
    text: 'Firstcall could not reach your company’s sign-in service. Try again in a moment.',
  },
  failed: {
    title: 'The sign-in did not complete',
    text: 'The answer from your company’s sign-in could not be checked (it may have expired or been used already). Try again.',
  },
};

export function NoAccessPage({ reason }: { reason: string }) {
  const r = REASONS[reason] ?? REASONS.failed!;
  useEffect(() => {
    document.title = `${r.title} · Firstcall`;
  }, [r.title]);
  return (
    <main class="login" id="main">
      <div class="login-card">
        <h1>
          <span class="brand">Firstcall</span>
          <span class="login-sub">{r.title}</span>
        </h1>
        <p role="alert">{r.text}</p>
        <Link href="/login">Back to sign-in</Link>
      </div>
    </main>
  );
}
