import type { ComponentChildren } from 'preact';

/**
 * A box a wide table scrolls sideways in, so the page itself never gets wider than a phone.
 * It is a labelled region that takes focus: a keyboard user can scroll it with the arrow keys.
 */
export function TableScroll(props: { label: string; class?: string; children: ComponentChildren }) {
  const { label, children } = props;
  return (
    <div
      class={props.class ? `table-scroll ${props.class}` : 'table-scroll'}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
