// Dates are shown in the agent's own locale; the server sends ISO strings.

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dayFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Date and time, for histories where several things happen on one day. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}

/** A calendar day ("YYYY-MM-DD") has no time zone: format it in UTC so it never shifts a day. */
export function formatDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : dayFmt.format(d);
}

export const roleLabel: Record<string, string> = {
  agent: 'Agent',
  engineer: 'Engineer',
  manager: 'Manager',
  admin: 'Admin',
};

export function canEdit(role: string): boolean {
  return role === 'engineer' || role === 'admin';
}
