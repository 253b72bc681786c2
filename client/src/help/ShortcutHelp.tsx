import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { opensHelp, SHORTCUT_GROUPS } from './shortcuts';

/** The `?` overlay: every keyboard shortcut, in a modal dialog that Esc or Close dismisses. */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (!opensHelp(e)) return;
      e.preventDefault();
      setOpen(true);
    };
    // capture: ahead of the console's own keys, which would send "?" to the search box
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);
  return open ? <HelpDialog onClose={() => setOpen(false)} /> : null;
}

function HelpDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useLayoutEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      previous?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="dialog shortcut-help"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>Keyboard shortcuts</h2>
      {SHORTCUT_GROUPS.map((g) => (
        <section key={g.title} class="shortcut-group">
          <h3>{g.title}</h3>
          <dl>
            {g.shortcuts.map((s) => (
              <div key={s.keys.join('+') + s.does} class="shortcut-row">
                <dt>
                  {s.keys.map((k, i) => (
                    <>
                      {i > 0 && ' + '}
                      <kbd>{k}</kbd>
                    </>
                  ))}
                </dt>
                <dd>{s.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div class="dialog-actions">
        <button type="button" class="button button-primary" onClick={onClose} autofocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
