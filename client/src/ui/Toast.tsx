import type { ToastState } from './useToast';

/** Always in the DOM, so screen readers hear each new message in the polite live region. */
export function Toast({ toast }: { toast: ToastState }) {
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast.message && (
        <p key={toast.id} class="toast">
          {toast.message}
        </p>
      )}
    </div>
  );
}
