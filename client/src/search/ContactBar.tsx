import { useEffect, useState } from 'preact/hooks';
import type { Channel, Contact } from '../../../server/contract/types';

export const channelLabel: Record<Channel, string> = {
  phone: 'Phone',
  chat: 'Chat',
  email: 'Email',
};

function elapsed(since: string, now: number): string {
  const s = Math.max(0, Math.floor((now - new Date(since).getTime()) / 1000));
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Ticks once a second; only this small component re-renders. */
function Elapsed({ since }: { since: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  return (
    <span class="contact-time" title="Time since the contact started">
      <time dateTime={since}>{elapsed(since, now)}</time>
    </span>
  );
}

interface Props {
  contact: Contact | null;
  /** False for managers: contacts are not logged, so the bar only says so. */
  enabled: boolean;
  onNew: () => void;
}

/** The open contact at a glance, and the way to start the next one (N). */
export function ContactBar({ contact, enabled, onNew }: Props) {
  if (!enabled) {
    return (
      <section class="contact-bar" aria-label="Contact">
        <span class="contact-none">Contacts are not logged for your role.</span>
      </section>
    );
  }
  const searches = contact?.searches.length ?? 0;
  return (
    <section class="contact-bar" aria-label="Contact">
      {contact ? (
        <p class="contact-info">
          <span class="contact-id">Contact #{contact.id}</span>
          <span>{channelLabel[contact.channel] ?? contact.channel}</span>
          {contact.customerRef && (
            <span>
              Ref <code>{contact.customerRef}</code>
            </span>
          )}
          {contact.openingReason && (
            <span
              class="contact-reason"
              title="Why the customer called, as the phone system heard it"
            >
              “{contact.openingReason}”
            </span>
          )}
          <Elapsed since={contact.startedAt} />
          <span>
            {searches} {searches === 1 ? 'search' : 'searches'}
          </span>
          {contact.tried.length > 0 && <span>{contact.tried.length} tried</span>}
        </p>
      ) : (
        <p class="contact-info contact-none">No open contact: your next search starts one.</p>
      )}
      <button type="button" class="button button-small" aria-keyshortcuts="N" onClick={onNew}>
        New contact <kbd aria-hidden="true">N</kbd>
      </button>
    </section>
  );
}
