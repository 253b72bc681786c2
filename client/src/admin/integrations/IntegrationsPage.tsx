import { useEffect, useState } from 'preact/hooks';
import type { User } from '../../../../server/contract/types';
import { Message } from '../../ui/Message';
import { TokensSection } from './TokensSection';
import { WebhooksSection } from './WebhooksSection';

/** Admins connect the phone, ticketing and monitoring systems: API tokens and webhooks. */
export function IntegrationsPage({ user }: { user: User }) {
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Integrations · Firstcall';
  }, []);
  if (user.role !== 'admin')
    return (
      <Message title="Not allowed">
        <p>Only admins connect other systems.</p>
      </Message>
    );
  return (
    <section class="integrations-page" aria-labelledby="integrations-title">
      <h1 id="integrations-title">Integrations</h1>
      <p class="page-intro">
        The API is described at <a href="/api/docs">/api/docs</a> (OpenAPI:{' '}
        <a href="/api/openapi.json">/api/openapi.json</a>).
      </p>
      <p class="sr-status" role="status">
        {status}
      </p>
      <TokensSection onStatus={setStatus} />
      <WebhooksSection onStatus={setStatus} />
    </section>
  );
}
