let n = 0;

/** A valid article body for POST /api/articles; override what the test is about. */
/** Overrides are loosely typed on purpose: tests also send invalid values. */
export function articleInput(overrides: Record<string, unknown> = {}) {
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
