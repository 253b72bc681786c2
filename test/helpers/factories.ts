import type { ArticleCreate } from '../../server/services/articleSchema';

let n = 0;

/** A valid article body for POST /api/articles; override what the test is about. */
export function articleInput(overrides: Partial<ArticleCreate> & Record<string, unknown> = {}) {
  n += 1;
  return {
    title: `Modem reboots every night ${n}`,
    issue: 'Customer says the modem restarts by itself around 3am.',
    environment: '- FH-300 router\n- Fibre 500',
    resolution: '1. Open the router page.\n2. Turn off **auto-reboot**.\n3. Save.',
    cause: 'Default maintenance schedule.',
    errorCodes: [] as string[],
    products: ['FH-300 router'],
    tags: ['reboot'],
    department: 'network',
    audience: 'agents',
    confidence: 'validated',
    ...overrides,
  };
}
