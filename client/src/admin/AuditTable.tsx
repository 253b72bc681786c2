import type { AuditEntry } from '../../../server/contract/types';
import { formatDateTime } from '../ui/format';
import { Link } from '../ui/Link';
import { TableScroll } from '../ui/TableScroll';

export const ACTIONS: Record<string, string> = {
  'article.create': 'Article created',
  'article.edit': 'Article edited',
  'article.confidence': 'Confidence changed',
  'article.archive': 'Article archived',
  'article.unarchive': 'Article restored from archive',
  'article.verify': 'Article verified',
  'article.restore_version': 'Old version restored',
  'article.auto_confidence': 'Confidence changed by outcomes',
  'article.auto_flag': 'Flagged as failing',
  'queue.resolve': 'Queue item resolved',
  'settings.change': 'Setting changed',
  'department.create': 'Department added',
  'department.update': 'Department changed',
  'department.archive': 'Department archived',
  'department.unarchive': 'Department back in service',
  'mfa.enrol': 'Two-step sign-in set up',
  'mfa.reset': 'Two-step sign-in reset',
  'mfa.recovery_code_used': 'Recovery code used',
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in refused',
  'auth.logout': 'Signed out',
  'contact.undo': 'Outcome undone',
  'user.create': 'Person added',
  'user.update': 'Person changed',
  'user.disable': 'Person disabled',
  'user.enable': 'Person enabled',
  'user.password_link': 'Password link issued',
  'user.password_set': 'Password set from a link',
  'user.password_change': 'Own password changed',
  'user.sessions_end': 'Sessions ended',
};

export const ENTITIES = ['article', 'flag', 'request', 'contact', 'settings', 'department', 'user'];

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What the entry is about, by the name a reader knows it by; the id stays for searching. */
function Subject({ e }: { e: AuditEntry }) {
  if (e.entityId === null) return <>{e.entity === 'user' ? 'unknown account' : e.entity}</>;
  const name = e.entityLabel ?? `${e.entity} ${e.entityId}`;
  const link =
    e.entity === 'article' ? <Link href={`/articles/${e.entityId}`}>{name}</Link> : <>{name}</>;
  return (
    <>
      {link}{' '}
      <span class="audit-entity">
        {e.entity} #{e.entityId}
      </span>
    </>
  );
}

/** The audit log, newest first: when, who, what, on which thing, and the details. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p class="queue-empty">No entries match.</p>;
  return (
    <TableScroll label="Audit log">
      <table class="data-table audit-table">
        <caption class="visually-hidden">Audit log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">On</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <td>{e.actorName ?? 'Firstcall'}</td>
              <td>
                {ACTIONS[e.action] ?? e.action} <code class="audit-action">{e.action}</code>
              </td>
              <td>
                <Subject e={e} />
              </td>
              <td>
                <dl class="audit-detail">
                  {Object.entries(e.detail).map(([k, v]) => (
                    <div key={k}>
                      <dt>{k}</dt>
                      <dd>{show(v)}</dd>
                    </div>
                  ))}
                </dl>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
