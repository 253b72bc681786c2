import type { Audience, Confidence } from '../../../server/contract/types';

const confidenceLabel: Record<Confidence, string> = {
  validated: 'Validated',
  not_validated: 'Not validated',
  wip: 'WIP',
  archived: 'Archived',
};

// Titles explain the badge on hover; the visible word carries the meaning on its own.
const confidenceTitle: Record<Confidence, string> = {
  validated: 'Checked by an engineer: safe to follow',
  not_validated: 'Not yet checked by an engineer: use with care',
  wip: 'Work in progress: may be incomplete',
  archived: 'Archived: kept for reference only',
};

interface Props {
  confidence: Confidence;
  audience?: Audience;
  stale?: boolean;
}

/** Confidence, audience and staleness: the "can I trust this right now?" signals. */
export function Badges({ confidence, audience, stale }: Props) {
  return (
    <span class="badges">
      <span class={`badge badge-${confidence}`} title={confidenceTitle[confidence]}>
        {confidenceLabel[confidence] ?? confidence}
      </span>
      {audience === 'internal' && (
        <span class="badge badge-internal" title="Internal: do not read out to customers">
          Internal
        </span>
      )}
      {stale && (
        <span class="badge badge-stale" title="Past its verify-by date: double-check before using">
          Stale
        </span>
      )}
    </span>
  );
}

/** Error codes in monospace chips, since agents match them character by character. */
export function Codes({ codes, label }: { codes: string[]; label: string }) {
  if (codes.length === 0) return null;
  return (
    <ul class="codes" aria-label={label}>
      {codes.map((c) => (
        <li key={c}>
          <code>{c}</code>
        </li>
      ))}
    </ul>
  );
}
