import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorMessage, integrationsApi } from '../../api';
import type { ApiToken, TokenScope } from '../../../../server/contract/types';
import { Field } from '../../ui/Field';
import { CodeChoices } from '../../ui/CodeChoices';
import { CopyField } from '../../ui/CopyField';
import { TableScroll } from '../../ui/TableScroll';
import { formatDateTime } from '../../ui/format';

const SCOPE_HELP: Record<TokenScope, string> = {
  'contacts:write': 'open and close contacts for agents (the phone system)',
  'contacts:read': 'read contacts and their outcomes',
  'search:read': 'search as an agent does',
  'articles:read': 'read published articles',
  'stats:read': 'read the dashboard figures',
};

type Errors = Partial<Record<'name' | 'scopes' | 'expiresInDays' | 'form', string>>;

/** Admins create tokens for the phone, ticketing and monitoring systems, and revoke them. */
export function TokensSection({ onStatus }: { onStatus: (s: string) => void }) {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>([]);
  const [days, setDays] = useState('90');
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  const load = () =>
    integrationsApi.tokens().then(setTokens, (err: unknown) => setError(errorMessage(err)));
  useEffect(() => void load(), []);

  async function create(e: Event) {
    e.preventDefault();
    setErrors({});
    setCreated(null);
    try {
      const t = await integrationsApi.createToken({ name, scopes, expiresInDays: Number(days) });
      setCreated({ name: t.name, token: t.token });
      setName('');
      setScopes([]);
      onStatus(`Token ${t.name} created.`);
      await load();
    } catch (err) {
      const field = err instanceof ApiError ? err.field?.split('.')[0] : undefined;
      const key =
        field === 'name' || field === 'scopes' || field === 'expiresInDays' ? field : 'form';
      setErrors({ [key]: errorMessage(err) });
    }
  }

  async function revoke(t: ApiToken) {
    if (!window.confirm(`Revoke ${t.name}? Systems using it are refused at once.`)) return;
    try {
      await integrationsApi.revokeToken(t.id);
      onStatus(`Token ${t.name} revoked.`);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section class="integrations-section" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p class="page-intro">
        For systems, not people: send one as <code>Authorization: Bearer fc_…</code>. It can do only
        what its scopes say, and its secret is shown once.
      </p>
      {error && (
        <p class="dialog-error" role="alert">
          {error}
        </p>
      )}
      {tokens && tokens.length > 0 && (
        <TableScroll label="API tokens">
          <table class="data-table">
            <caption class="visually-hidden">API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>
                    {t.name} <code class="token-hint">…{t.hint}</code>
                  </td>
                  <td>{t.scopes.join(', ')}</td>
                  <td>
                    {formatDateTime(t.createdAt)}
                    {t.createdBy?.name && ` by ${t.createdBy.name}`}
                  </td>
                  <td>{formatDateTime(t.expiresAt)}</td>
                  <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
                  <td>{t.status}</td>
                  <td>
                    {t.status === 'active' && (
                      <button
                        type="button"
                        class="button button-small"
                        onClick={() => void revoke(t)}
                      >
                        Revoke<span class="visually-hidden"> {t.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {tokens && tokens.length === 0 && <p>No tokens yet.</p>}
      <form
        class="integrations-form"
        onSubmit={create}
        aria-labelledby="new-token-title"
        noValidate
      >
        <h3 id="new-token-title">New token</h3>
        {errors.form && (
          <p class="dialog-error" role="alert">
            {errors.form}
          </p>
        )}
        {created && (
          <div class="invite-result" role="status">
            <CopyField
              id="new-token-secret"
              label={`Secret of ${created.name}`}
              value={created.token}
              hint="Copy it now: it is not shown again."
            />
          </div>
        )}
        <Field
          name="token-name"
          label="Name"
          hint="The system that uses it, e.g. PBX"
          error={errors.name}
        >
          {(c) => <input {...c} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <CodeChoices
          legend="Scopes"
          options={SCOPE_HELP}
          value={scopes}
          onChange={setScopes}
          error={errors.scopes}
        />
        <Field name="token-days" label="Expires after (days)" error={errors.expiresInDays}>
          {(c) => (
            <input
              {...c}
              type="number"
              min={1}
              max={730}
              value={days}
              onInput={(e) => setDays(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="button">
          Create token
        </button>
      </form>
    </section>
  );
}
