import type { ComponentChildren } from 'preact';
import { handleLinkClick } from '../router';

interface Props {
  href: string;
  class?: string;
  children: ComponentChildren;
  /** Marks the link to the page being shown (header navigation). */
  current?: boolean;
  /** Runs first; call preventDefault() to stop the in-app navigation. */
  onClick?: (e: MouseEvent) => void;
}

/** A real <a href> (so middle-click, copy link and screen readers work) routed in-app. */
export function Link({ href, class: className, children, current, onClick }: Props) {
  return (
    <a
      href={href}
      class={className}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        onClick?.(e);
        handleLinkClick(e);
      }}
    >
      {children}
    </a>
  );
}
