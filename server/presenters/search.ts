import type { PresentedHit } from '../services/search/search';

/** One search result as agents see it: answer first, and why it ranks where it does. */
export const presentHit = (h: PresentedHit) => ({
  id: h.id,
  slug: h.slug,
  title: h.title,
  titleHtml: h.titleHtml,
  snippet: h.snippet,
  issueLine: h.issueLine,
  steps: h.steps,
  errorCodes: h.errorCodes,
  products: h.products,
  confidence: h.confidence,
  audience: h.audience,
  department: h.department,
  departmentName: h.departmentName,
  stale: h.stale,
  solves30d: h.solves30d,
  why: h.why,
  score: h.score,
});
