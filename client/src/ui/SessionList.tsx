import type { SessionInfo } from '../../../server/contract/types';
import { TableScroll } from './TableScroll';

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

/** A browser's name from its user agent, roughly: enough to tell "my phone" from "my desk". */
function browserOf(agent: string | null): string {
  if (!agent) return 'Unknown browser';
  const name = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : (agent.split(/[ /]/)[0] ?? 'Browser');
  const os = /Windows/.test(agent)
    ? 'Windows'
    : /Android/.test(agent)
      ? 'Android'
      : /iPhone|iPad/.test(agent)
        ? 'iOS'
        : /Mac OS/.test(agent)
          ? 'macOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : '';
  return os ? `${name} on ${os}` : name;
}

/** Someone's signed-in sessions: where, since when, last used. */
export function SessionList({ sessions, label }: { sessions: SessionInfo[]; label: string }) {
  if (!sessions.length) return <p>No active sessions.</p>;
  return (
    <TableScroll label={label}>
      <table class="data-table sessions-table">
        <caption class="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Browser</th>
            <th scope="col">Address</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last used</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>
                {browserOf(s.userAgent)}
                {s.current && <span class="badge"> this session</span>}
              </td>
              <td>{s.address ?? '—'}</td>
              <td>{when(s.signedInAt)}</td>
              <td>{when(s.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
