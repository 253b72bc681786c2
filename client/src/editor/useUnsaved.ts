import { useEffect, useLayoutEffect } from 'preact/hooks';
import type { FormValues } from './formModel';
import { clearDraft, storeDraft } from './localDraft';
import type { Base } from './useEditorSetup';

/**
 * Unsaved text is kept in this browser on every change (a reload restores it) and closing the
 * tab asks first. Nothing unsaved: nothing stored, no question. Returns whether it is dirty.
 */
export function useUnsaved(key: string | null, values: FormValues | null, base: Base | null) {
  const dirty = !!values && !!base && JSON.stringify(values) !== JSON.stringify(base.values);

  // a layout effect runs in the same task as the render: a reload right after typing keeps it
  useLayoutEffect(() => {
    if (!key || !values || !base) return;
    if (!dirty) return clearDraft(key);
    storeDraft(key, {
      values,
      baseValues: base.values,
      baseVersion: base.version,
      savedAt: new Date().toISOString(),
    });
  }, [values, base, key]);

  // In-app links are the user's explicit choice; closing the tab is often not.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return dirty;
}
