import type { ToastState } from './useToast';

/** Always in the DOM, so screen readers hear each new message in the polite live region. */
export function Toast({ toast }: { toast: ToastState }) {
  const { action } = toast;
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast.message && (
        <p key={toast.id} class="toast">
          {toast.message}
          {action && (
            <button
              type="button"
              class="toast-action"
              aria-keyshortcuts={action.key}
              onClick={action.run}
            >
              {action.label}
              {action.key && <kbd aria-hidden="true">{action.key}</kbd>}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
