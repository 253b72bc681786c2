import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorMessage, isAbort } from '../api';
import type { CloseContact, Department } from '../../../server/contract/types';
import { Dialog } from '../ui/Dialog';
import type { Done } from './useConsoleActions';

interface Props {
  /** Pre-selected: the department owning the selected article, if any. */
  defaultDepartment?: string;
  close: (body: CloseContact) => Promise<Done>;
  onDone: (done: Done) => void;
  onCancel: () => void;
  returnFocus?: () => HTMLElement | null | undefined;
}

const REASON_MAX = 500;

/** Escalate the contact to a department, optionally asking it to write an article. */
export function EscalateDialog({ defaultDepartment, close, onDone, onCancel, returnFocus }: Props) {
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [department, setDepartment] = useState(defaultDepartment ?? '');
  const [reason, setReason] = useState('');
  const [needsArticle, setNeedsArticle] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    api.departments(ctrl.signal).then(setDepartments, (err: unknown) => {
      if (!isAbort(err)) setError({ message: errorMessage(err) });
    });
    return () => ctrl.abort();
  }, []);

  async function submit() {
    // Checked here too, so the agent hears what is missing without a round trip.
    if (!department) return setError({ field: 'department', message: 'Choose a department.' });
    if (!reason.trim()) return setError({ field: 'reason', message: 'Say why it is escalated.' });
    setBusy(true);
    setError(null);
    try {
      onDone(
        await close({ outcome: 'escalated', department, reason: reason.trim(), needsArticle }),
      );
    } catch (err) {
      setError({
        message: errorMessage(err),
        field: err instanceof ApiError ? err.field : undefined,
      });
      setBusy(false);
    }
  }

  const fieldError = (name: string) => (error?.field === name ? error.message : null);
  const deptError = fieldError('department');
  const reasonError = fieldError('reason');
  const general = error && !deptError && !reasonError ? error.message : null;
  return (
    <Dialog
      title="Escalate contact"
      submitLabel="Escalate"
      busy={busy}
      error={general}
      onSubmit={submit}
      onCancel={onCancel}
      returnFocus={returnFocus}
    >
      <div class={deptError ? 'field has-error' : 'field'}>
        <label for="escalate-department">Department</label>
        <select
          id="escalate-department"
          autofocus={!defaultDepartment}
          value={department}
          aria-invalid={deptError ? 'true' : undefined}
          aria-describedby={deptError ? 'escalate-department-error' : undefined}
          onChange={(e) => setDepartment(e.currentTarget.value)}
        >
          <option value="">{departments ? 'Choose a department…' : 'Loading…'}</option>
          {/* archived departments take no escalations */}
          {departments
            ?.filter((d) => !d.archived)
            .map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.name}
              </option>
            ))}
          {/* Keep the preselected slug selectable while the list loads. */}
          {!departments && defaultDepartment && (
            <option value={defaultDepartment}>{defaultDepartment}</option>
          )}
        </select>
        {deptError && (
          <p class="field-error" id="escalate-department-error">
            {deptError}
          </p>
        )}
      </div>
      <div class={reasonError ? 'field has-error' : 'field'}>
        <label for="escalate-reason">Reason</label>
        <textarea
          id="escalate-reason"
          rows={3}
          maxLength={REASON_MAX}
          autofocus={!!defaultDepartment}
          value={reason}
          aria-invalid={reasonError ? 'true' : undefined}
          aria-describedby={
            reasonError ? 'escalate-reason-hint escalate-reason-error' : 'escalate-reason-hint'
          }
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <p class="field-hint" id="escalate-reason-hint">
          What was tried and what the customer still sees. <kbd>Shift</kbd>+<kbd>Enter</kbd> for a
          new line.
        </p>
        {reasonError && (
          <p class="field-error" id="escalate-reason-error">
            {reasonError}
          </p>
        )}
      </div>
      <div class="field field-check">
        <input
          id="escalate-needs-article"
          type="checkbox"
          checked={needsArticle}
          onChange={(e) => setNeedsArticle(e.currentTarget.checked)}
        />
        <label for="escalate-needs-article">Needs an article</label>
        <p class="field-hint" id="escalate-needs-article-hint">
          Asks the department to write one; this contact’s searches go with the request.
        </p>
      </div>
    </Dialog>
  );
}
