import { useEffect } from 'preact/hooks';
import type { User } from '../../../server/contract/types';
import { Link } from '../ui/Link';
import { Message } from '../ui/Message';

const PLACES = [
  {
    href: '/admin/users',
    name: 'Users',
    what: 'Add people with an invitation link, change roles and departments, disable leavers, reset passwords.',
  },
  {
    href: '/admin/integrations',
    name: 'Integrations',
    what: 'API tokens for the phone and ticketing systems, webhooks that tell them what happened.',
  },
  {
    href: '/admin/settings',
    name: 'Settings',
    what: 'FCR repeat window, escalation costs, verification interval, outcome rules.',
  },
  {
    href: '/admin/departments',
    name: 'Departments',
    what: 'Add, rename or archive the departments articles, queues and escalations belong to.',
  },
  {
    href: '/admin/audit',
    name: 'Audit',
    what: 'Who changed which article, setting or request, and when.',
  },
  { href: '/queue', name: 'Queues', what: 'Each department’s flags, requests and stale articles.' },
  { href: '/dashboard', name: 'Dashboard', what: 'First-contact resolution, escalations, gaps.' },
  { href: '/', name: 'Search', what: 'The agent console, to look an article up.' },
] as const;

/** Where admins start: every administrative page, one line on what each is for. */
export function AdminHome({ user }: { user: User }) {
  useEffect(() => {
    document.title = 'Admin · Firstcall';
  }, []);
  if (user.role !== 'admin') {
    return (
      <Message title="Not allowed">
        <p>Only admins administer Firstcall.</p>
      </Message>
    );
  }
  return (
    <section class="admin-home" aria-labelledby="admin-title">
      <h1 id="admin-title">Admin</h1>
      <ul class="admin-places">
        {PLACES.map((p) => (
          <li key={p.href}>
            <Link href={p.href}>{p.name}</Link>
            <span class="admin-place-what">{p.what}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
