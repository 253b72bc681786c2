import type { ComponentChildren } from 'preact';

export interface Tab<K extends string> {
  key: K;
  label: string;
  /** shown after the label, e.g. how many items wait there */
  count?: number;
}

interface Props<K extends string> {
  /** names the tab list for assistive technology */
  label: string;
  tabs: readonly Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
  /** the selected tab's panel */
  children: ComponentChildren;
  idPrefix: string;
}

/**
 * Tabs as the WAI-ARIA pattern has them: one tab stop for the list (the selected tab), arrows,
 * Home and End move between tabs and select them, the panel is labelled by its tab.
 */
export function Tabs<K extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
  idPrefix,
}: Props<K>) {
  const tabId = (k: K) => `${idPrefix}-tab-${k}`;

  function onKeyDown(e: KeyboardEvent) {
    const at = tabs.findIndex((t) => t.key === selected);
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const key = tabs[to]!.key;
    onSelect(key);
    document.getElementById(tabId(key))?.focus();
  }

  return (
    <>
      <div class="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={tabId(t.key)}
            class="tab"
            aria-selected={t.key === selected ? 'true' : 'false'}
            aria-controls={t.key === selected ? `${idPrefix}-panel` : undefined}
            tabIndex={t.key === selected ? 0 : -1}
            onClick={() => onSelect(t.key)}
          >
            {t.label}
            {t.count !== undefined && <span class="tab-count">{t.count}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={tabId(selected)} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
