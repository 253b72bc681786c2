import { useEffect, useRef } from 'preact/hooks';
import type { Contact } from '../../../server/contract/types';

export interface ScreenPopHandlers {
  /** the phone system opened a contact for this agent */
  opened: (contact: Contact) => void;
  /** the phone system closed one */
  closed: (id: number) => void;
}

/**
 * Listens to the agent's screen-pops (server-sent events from /api/contacts/stream). The
 * browser's EventSource reconnects by itself and sends Last-Event-ID, so a pop during a blip
 * arrives when the line is back.
 */
export function useScreenPop(enabled: boolean, handlers: ScreenPopHandlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/contacts/stream');
    source.addEventListener('contact.opened', (e) =>
      latest.current.opened(JSON.parse((e as MessageEvent<string>).data) as Contact),
    );
    source.addEventListener('contact.closed', (e) =>
      latest.current.closed((JSON.parse((e as MessageEvent<string>).data) as { id: number }).id),
    );
    return () => source.close();
  }, [enabled]);
}
