import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorMessage, integrationsApi } from '../../api';
import type { Webhook, WebhookDelivery, WebhookEvent } from '../../../../server/contract/types';
import { Field } from '../../ui/Field';
import { CodeChoices } from '../../ui/CodeChoices';
import { CopyField } from '../../ui/CopyField';
import { formatDateTime } from '../../ui/format';
import { TableScroll } from '../../ui/TableScroll';

const EVENT_HELP: Record<WebhookEvent, string> = {
  'contact.closed': 'a contact is closed, whatever the outcome',
  'contact.escalated': 'a contact is escalated to a department',
  'request.created': 'an escalation asks for an article',
  'article.published': 'an article becomes visible to agents',
  'article.validated': 'an article is validated',
  'article.flagged': 'an article is flagged as wrong or failing',
};

type Errors = Partial<Record<'url' | 'events' | 'secret' | 'form', string>>;

/** Admins register the endpoints other systems listen on, and watch what was delivered. */
export function WebhooksSection({ onStatus }: { onStatus: (s: string) => void }) {
  const [hooks, setHooks] = useState<Webhook[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  const load = () =>
    integrationsApi.webhooks().then(setHooks, (err: unknown) => setError(errorMessage(err)));
  useEffect(() => void load(), []);

  async function register(e: Event) {
    e.preventDefault();
    setErrors({});
    setCreated(null);
    try {
      const w = await integrationsApi.createWebhook({ url, events });
      setCreated({ url: w.url, secret: w.secret });
      setUrl('');
      setEvents([]);
      onStatus(`Webhook for ${w.url} registered.`);
      await load();
    } catch (err) {
      const field = err instanceof ApiError ? err.field?.split('.')[0] : undefined;
      const key = field === 'url' || field === 'events' || field === 'secret' ? field : 'form';
      setErrors({ [key]: errorMessage(err) });
    }
  }

  async function remove(w: Webhook) {
    if (!window.confirm(`Remove the webhook for ${w.url}? Waiting deliveries are dropped.`)) return;
    try {
      await integrationsApi.removeWebhook(w.id);
      onStatus(`Webhook for ${w.url} removed.`);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section class="integrations-section" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p class="page-intro">
        Firstcall posts signed JSON to these addresses when something happens, and retries for 24
        hours when they do not answer 2xx.
      </p>
      {error && (
        <p class="dialog-error" role="alert">
          {error}
        </p>
      )}
      {hooks?.length === 0 && <p>No webhooks yet.</p>}
      {hooks?.map((w) => (
        <article key={w.id} class="webhook" aria-labelledby={`webhook-${w.id}`}>
          <h3 id={`webhook-${w.id}`}>
            <code>{w.url}</code>
          </h3>
          <p>
            {w.events.join(', ')} · {w.pending} waiting · {w.failed} given up
            {w.lastDelivery &&
              ` · last ${w.lastDelivery.status} ${formatDateTime(w.lastDelivery.at)}${w.lastDelivery.responseStatus ? ` (${w.lastDelivery.responseStatus})` : ''}`}
          </p>
          <div class="button-row">
            <button
              type="button"
              class="button button-small"
              aria-expanded={open === w.id}
              onClick={() => setOpen(open === w.id ? null : w.id)}
            >
              Deliveries
            </button>
            <button type="button" class="button button-small" onClick={() => void remove(w)}>
              Remove
            </button>
          </div>
          {open === w.id && <Deliveries hook={w} onStatus={onStatus} />}
        </article>
      ))}
      <form
        class="integrations-form"
        onSubmit={register}
        aria-labelledby="new-webhook-title"
        noValidate
      >
        <h3 id="new-webhook-title">New webhook</h3>
        {errors.form && (
          <p class="dialog-error" role="alert">
            {errors.form}
          </p>
        )}
        {created && (
          <div class="invite-result" role="status">
            <CopyField
              id="new-webhook-secret"
              label={`Signing secret for ${created.url}`}
              value={created.secret}
              hint="The receiver checks X-Firstcall-Signature with it. It is not shown again."
            />
          </div>
        )}
        <Field
          name="webhook-url"
          label="Address"
          hint="https://… of the receiving system"
          error={errors.url}
        >
          {(c) => (
            <input {...c} type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          )}
        </Field>
        <CodeChoices
          legend="Events"
          options={EVENT_HELP}
          value={events}
          onChange={setEvents}
          error={errors.events}
        />
        <button type="submit" class="button">
          Register webhook
        </button>
      </form>
    </section>
  );
}

/** The latest deliveries of one webhook, each redeliverable. */
function Deliveries({ hook, onStatus }: { hook: Webhook; onStatus: (s: string) => void }) {
  const [list, setList] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    integrationsApi
      .deliveries(hook.id)
      .then(setList, (err: unknown) => setError(errorMessage(err)));
  useEffect(() => void load(), [hook.id]);

  async function redeliver(d: WebhookDelivery) {
    try {
      await integrationsApi.redeliver(hook.id, d.id);
      onStatus(`${d.event} queued again.`);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (error) return <p role="alert">{error}</p>;
  if (!list) return <p>Loading…</p>;
  if (list.length === 0) return <p>Nothing delivered yet.</p>;
  return (
    <TableScroll label={`Deliveries to ${hook.url}`}>
      <table class="data-table">
        <caption class="visually-hidden">Deliveries to {hook.url}</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Answer</th>
            <th scope="col">Last attempt</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((d) => (
            <tr key={d.id}>
              <td>
                <code>{d.event}</code>
              </td>
              <td>{d.status}</td>
              <td>{d.attempts}</td>
              <td>{d.responseStatus ?? d.lastError ?? '—'}</td>
              <td>{d.lastAttemptAt ? formatDateTime(d.lastAttemptAt) : '—'}</td>
              <td>
                <button type="button" class="button button-small" onClick={() => void redeliver(d)}>
                  Redeliver
                  <span class="visually-hidden">
                    {' '}
                    {d.event} #{d.id}
                  </span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
