import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api';
import type { Channel, Contact, NewContact } from '../../../server/contract/types';
import { Dialog } from '../ui/Dialog';
import { channelLabel } from './ContactBar';

interface Props {
  /** The contact still open, if any: it stays open (and listed) when a new one starts. */
  open: Contact | null;
  start: (body: NewContact) => Promise<Contact>;
  onDone: (contact: Contact) => void;
  onCancel: () => void;
  returnFocus?: () => HTMLElement | null | undefined;
}

const CHANNELS: Channel[] = ['phone', 'chat', 'email'];

/** Channel (phone by default) and an optional customer reference: an account or ticket id. */
export function NewContactDialog({ open, start, onDone, onCancel, returnFocus }: Props) {
  const [channel, setChannel] = useState<Channel>('phone');
  const [customerRef, setCustomerRef] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const ref = customerRef.trim();
      onDone(await start({ channel, ...(ref ? { customerRef: ref } : {}) }));
    } catch (err) {
      setError({
        message: errorMessage(err),
        field: err instanceof ApiError ? err.field : undefined,
      });
      setBusy(false);
    }
  }

  const refError = error?.field === 'customerRef' ? error.message : null;
  return (
    <Dialog
      title="New contact"
      subtitle={open ? `Contact #${open.id} stays open in your list.` : undefined}
      submitLabel="Start contact"
      busy={busy}
      error={error && !refError ? error.message : null}
      onSubmit={submit}
      onCancel={onCancel}
      returnFocus={returnFocus}
    >
      <div class="field">
        <label for="contact-channel">Channel</label>
        <select
          id="contact-channel"
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value as Channel)}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {channelLabel[c]}
            </option>
          ))}
        </select>
      </div>
      <div class={refError ? 'field has-error' : 'field'}>
        <label for="contact-ref">Customer reference (optional)</label>
        <p class="field-hint" id="contact-ref-hint">
          Account or ticket id only, never a name or email.
        </p>
        <input
          id="contact-ref"
          autofocus
          maxLength={64}
          autocomplete="off"
          spellcheck={false}
          value={customerRef}
          aria-invalid={refError ? 'true' : undefined}
          aria-describedby={refError ? 'contact-ref-hint contact-ref-error' : 'contact-ref-hint'}
          onInput={(e) => setCustomerRef(e.currentTarget.value)}
        />
        {refError && (
          <p class="field-error" id="contact-ref-error">
            {refError}
          </p>
        )}
      </div>
    </Dialog>
  );
}
