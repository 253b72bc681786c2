import { emptySources } from '../../server/contract/articleFields';
import { mulberry32 } from '../../server/generators/random';
import { findableBy } from '../../server/domain/visibility';
import type { SearchDoc } from '../../server/search/document';

/** A document with who may find it derived from its confidence and audience, as the service does. */
export const findable = <D extends Omit<SearchDoc, 'findableBy'>>(doc: D): D & SearchDoc => ({
  ...doc,
  findableBy: findableBy(doc),
});

/** The same documents on every run. */
export const random = mulberry32;

const WORDS = (
  'router modem password invoice reboot sync error customer account login payment card wifi ' +
  'signal update install reset email phone network internet connection device settings screen ' +
  'message billing charge refund plan roaming sim port code light cable fibre speed slow drop ' +
  'fail crash blinking orange green restart firmware voicemail television stream buffering ' +
  'outage appointment engineer technician direct debit mandate statement balance overdue'
).split(' ');

/** Realistic-enough articles over a small vocabulary, so terms overlap a lot. */
export function makeDocs(count: number, seed = 7): SearchDoc[] {
  const r = random(seed);
  const pick = () => WORDS[Math.floor(Math.pow(r(), 1.6) * WORDS.length)]!;
  const words = (n: number) => Array.from({ length: n }, pick).join(' ');
  const departments = ['network', 'billing', 'platform', 'mobile'];
  const confidences = ['validated', 'validated', 'not_validated', 'wip', 'archived'] as const;
  return Array.from({ length: count }, (_, i) => ({
    ...emptySources(),
    id: i + 1,
    slug: `doc-${i + 1}`,
    title: words(4 + Math.floor(r() * 5)),
    issue: words(10 + Math.floor(r() * 20)),
    environment: words(Math.floor(r() * 15)),
    resolution: Array.from(
      { length: 3 },
      (_, k) => `${k + 1}. ${words(8 + Math.floor(r() * 10))}`,
    ).join('\n'),
    errorCodes: r() < 0.5 ? [`E-${1000 + Math.floor(r() * 50)}`] : [],
    products: [pick()],
    tags: [pick(), pick()],
    confidence: confidences[Math.floor(r() * confidences.length)]!,
    audience: r() < 0.9 ? ('agents' as const) : ('internal' as const),
    department: {
      slug: departments[i % departments.length]!,
      name: departments[i % departments.length]!,
    },
    verifyBy: null,
  })).map(findable);
}
