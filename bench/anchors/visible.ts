import type { SearchDoc } from '../../server/search/document';

/**
 * The anchors answer the same question our index does for an agent: only published,
 * agent-facing articles (validated or not_validated, audience agents) may be returned.
 */
export const visibleToAgent = (d: SearchDoc): boolean =>
  d.audience === 'agents' && (d.confidence === 'validated' || d.confidence === 'not_validated');

/** The six indexed fields as plain text, in the boost order errorCodes, title, issue, labels, environment, resolution. */
export function fieldsOf(d: SearchDoc) {
  return {
    errorCodes: d.errorCodes.join(' ; '),
    title: d.title,
    issue: d.issue,
    labels: [...d.products, ...d.tags].join(' ; '),
    environment: d.environment,
    resolution: d.resolution,
  };
}
