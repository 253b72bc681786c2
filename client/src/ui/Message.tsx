import type { ComponentChildren } from 'preact';
import { Link } from './Link';

/** Full-page notice for not-found / forbidden / load failures, always with a way back. */
export function Message({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="message-page">
      <h1>{title}</h1>
      {children}
      <p>
        <Link href="/">Back to search</Link>
      </p>
    </div>
  );
}
