import { useEffect, useState } from 'preact/hooks';
import { ApiError, engineerApi, errorMessage } from '../api';
import { Field } from '../ui/Field';
import type { Settings, User } from '../../../server/contract/types';
import { Message } from '../ui/Message';
import { parseSetting, SETTINGS } from './settingsMeta';

type Texts = Record<keyof Settings, string>;
const toTexts = (s: Settings) =>
  Object.fromEntries(SETTINGS.map((m) => [m.key, String(s[m.key])])) as Texts;

/** The seven global settings and what each changes. Everyone may read them; admins change them. */
export function SettingsPage({ user }: { user: User }) {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [texts, setTexts] = useState<Texts | null>(null);
  const [errors, setErrors] = useState<Partial<Texts>>({});
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const isAdmin = user.role === 'admin';

  useEffect(() => {
    document.title = 'Settings · Firstcall';
    engineerApi.settings().then(
      (s) => {
        setSaved(s);
        setTexts(toTexts(s));
      },
      (err: unknown) => setLoadError(errorMessage(err)),
    );
  }, []);

  if (loadError) {
    return (
      <Message title="Could not load the settings">
        <p role="alert">{loadError}</p>
      </Message>
    );
  }
  if (!saved || !texts) return <p class="article-loading">Loading…</p>;

  async function save(e: Event) {
    e.preventDefault();
    if (!saved || !texts || busy) return;
    const changes: Record<string, number | string> = {};
    const errs: Partial<Texts> = {};
    for (const m of SETTINGS) {
      const parsed = parseSetting(m, texts[m.key]);
      if ('error' in parsed) errs[m.key] = parsed.error;
      else if (parsed.value !== saved[m.key]) changes[m.key] = parsed.value;
    }
    setErrors(errs);
    setStatus(null);
    if (Object.keys(errs).length) {
      document.getElementById(`field-${Object.keys(errs)[0]}`)?.focus();
      return;
    }
    if (Object.keys(changes).length === 0)
      return setStatus({ error: false, text: 'Nothing changed.' });
    setBusy(true);
    try {
      const next = await engineerApi.updateSettings(changes as Partial<Settings>);
      setSaved(next);
      setTexts(toTexts(next));
      setStatus({ error: false, text: 'Settings saved. The change is in the audit log.' });
    } catch (err) {
      if (err instanceof ApiError && err.field) setErrors({ [err.field]: err.message });
      setStatus({ error: true, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="settings-page" onSubmit={save} noValidate>
      <h1>Settings</h1>
      <p class="page-intro">
        {isAdmin
          ? 'These apply to every department. Each change is recorded in the audit log.'
          : 'These apply to every department. Only admins change them.'}
      </p>
      <fieldset class="settings-fields" disabled={!isAdmin || busy}>
        <legend class="visually-hidden">Settings</legend>
        {SETTINGS.map((m) => {
          // the costs are in the saved currency (a changed code applies once saved)
          const unit = m.kind === 'number' && m.money ? saved.currency : m.unit;
          return (
            <Field
              key={m.key}
              name={m.key}
              label={unit ? `${m.label} (${unit})` : m.label}
              hint={m.meaning}
              error={errors[m.key]}
            >
              {(p) => (
                <input
                  {...p}
                  class="input-number"
                  type="text"
                  {...(m.kind === 'currency'
                    ? { maxLength: 3, autocomplete: 'off', spellcheck: false }
                    : { inputMode: m.integer ? 'numeric' : 'decimal' })}
                  value={texts[m.key]}
                  onInput={(e) => setTexts({ ...texts, [m.key]: e.currentTarget.value })}
                />
              )}
            </Field>
          );
        })}
      </fieldset>
      <div role="status" class="form-status">
        {status && (
          <p class={status.error ? 'notice notice-error' : 'notice notice-info'}>{status.text}</p>
        )}
      </div>
      {isAdmin && (
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      )}
    </form>
  );
}
