import { formatArticleFile, parseArticleFile } from '../../server/content/articleFile';
import { emptyHtml, emptySources, MARKDOWN_FIELDS } from '../../server/contract/articleFields';
import type { ArticleRow } from '../../server/stores/articles';

function row(overrides: Partial<ArticleRow> = {}): ArticleRow {
  return {
    // the catalogue's fields start empty, so a new field needs no change here
    ...emptySources(),
    ...emptyHtml(),
    id: 7,
    slug: 'modem-reboots',
    version: 3,
    title: 'Modem reboots every night',
    issue: 'Customer says the modem restarts by itself around 3am.',
    issueHtml: '',
    environment: '- FH-300 router\n- Fibre 500',
    environmentHtml: '',
    resolution: '1. Open the router page.\n2. Turn off **auto-reboot**.\n3. Save.',
    resolutionHtml: '',
    cause: 'Default maintenance schedule.',
    causeHtml: '',
    errorCodes: ['E-1043'],
    products: ['FH-300 router'],
    tags: ['reboot'],
    departmentId: 2,
    departmentSlug: 'network',
    departmentName: 'Network Engineering',
    ownerId: 5,
    ownerName: 'Engineer N',
    audience: 'agents',
    confidence: 'validated',
    verifyBy: '2027-01-15',
    verifyIntervalDays: null,
    verifiedAt: null,
    verifiedByName: null,
    updatedById: 5,
    updatedByName: 'Engineer N',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...overrides,
  };
}

const FILE = `---
title: 'Modem: reboots "every" night'
department: network
audience: internal
confidence: validated
errorCodes: [E-1043, HTTP 503]
products: [FH-300 router]
tags: [reboot, night]
verifyBy: 2027-01-15
owner: eng@example.com
---

## Issue
Customer says the modem restarts.

## Resolution
1. Open the router page.
2. Turn off **auto-reboot**.

### Still failing?
Escalate.
`;

describe('parseArticleFile', () => {
  it('reads front matter and sections into fields', () => {
    const parsed = parseArticleFile(FILE, 'network', 'modem-reboots');
    expect(parsed.slug).toBe('modem-reboots');
    expect(parsed.department).toBe('network');
    expect(parsed.fields).toEqual({
      ...emptySources(),
      title: 'Modem: reboots "every" night',
      issue: 'Customer says the modem restarts.',
      environment: '',
      resolution:
        '1. Open the router page.\n2. Turn off **auto-reboot**.\n\n### Still failing?\nEscalate.',
      cause: '',
      errorCodes: ['E-1043', 'HTTP 503'],
      products: ['FH-300 router'],
      tags: ['reboot', 'night'],
      department: 'network',
      audience: 'internal',
      confidence: 'validated',
      verifyBy: '2027-01-15',
      owner: 'eng@example.com',
    });
  });

  it('turns an unquoted YAML date into a YYYY-MM-DD string', () => {
    expect(parseArticleFile(FILE, 'network', 's').fields.verifyBy).toBe('2027-01-15');
  });

  it('fills in defaults for what the file leaves out', () => {
    const { fields } = parseArticleFile(
      '---\ntitle: Bare\n---\nno sections at all\n',
      'billing',
      'bare',
    );
    expect(fields).toEqual({
      ...emptySources(),
      title: 'Bare',
      issue: '',
      environment: '',
      resolution: '',
      cause: '',
      errorCodes: [],
      products: [],
      tags: [],
      department: 'billing',
      audience: 'agents',
      confidence: undefined,
      verifyBy: null,
    });
    expect(fields).not.toHaveProperty('owner');
  });

  it('only treats exact level-2 section names as sections', () => {
    const text =
      '---\ntitle: T\n---\n## Issue\nreal issue\n## Issues and notes\nstill issue\n### Cause\nstill issue too\n';
    const { fields } = parseArticleFile(text, 'network', 't');
    expect(fields.issue).toBe(
      'real issue\n## Issues and notes\nstill issue\n### Cause\nstill issue too',
    );
    expect(fields.cause).toBe('');
  });

  it('refuses a file whose front matter names another department than its folder', () => {
    expect(() => parseArticleFile(FILE, 'billing', 'modem-reboots')).toThrow(/network.*billing/);
  });

  // Regression (was a bug): gray-matter caches parse results by file text and hands out the same `data` object, and
  // parseArticleFile passes its arrays through, so mutating one result's errorCodes/products/tags
  // changes what the next parse of the same text returns.
  it('returns fresh arrays on every parse', () => {
    const text = '---\ntitle: Cached\ntags: [one]\n---\n## Issue\nx\n';
    (parseArticleFile(text, 'network', 'cached').fields.tags as string[]).push('leaked');
    expect(parseArticleFile(text, 'network', 'cached').fields.tags).toEqual(['one']);
  });
});

describe('formatArticleFile → parseArticleFile', () => {
  const roundTrip = (a: ArticleRow, owner: string | null = null) =>
    parseArticleFile(formatArticleFile(a, owner), a.departmentSlug, a.slug).fields;

  it('gives back the same fields', () => {
    const a = row();
    expect(roundTrip(a, 'owner@example.com')).toEqual({
      ...emptySources(),
      title: a.title,
      issue: a.issue,
      environment: a.environment,
      resolution: a.resolution,
      cause: a.cause,
      errorCodes: a.errorCodes,
      products: a.products,
      tags: a.tags,
      department: 'network',
      audience: 'agents',
      confidence: 'validated',
      verifyBy: '2027-01-15',
      owner: 'owner@example.com',
    });
  });

  it.each([
    'Modem: reboots at night',
    `It's "broken": HTTP 503 # not a comment`,
    '- looks like a list',
    '[E-1043] {braces} & *stars*',
    'yes',
    'null',
    '2027-01-15',
    '123',
    '--- dashes',
    'Ünïcödé 路由器',
  ])('keeps the title %j', (title) => {
    expect(roundTrip(row({ title })).title).toBe(title);
  });

  it('keeps error codes, products and tags that YAML would misread', () => {
    const a = row({
      errorCodes: ['HTTP 503', '0x80070005', 'E-1043', '404', 'DNS_PROBE_FINISHED_NXDOMAIN'],
      products: ['FH-300: router', 'on'],
      tags: ['null', 'true', '1.0'],
    });
    const fields = roundTrip(a);
    expect(fields.errorCodes).toEqual(a.errorCodes);
    expect(fields.products).toEqual(a.products);
    expect(fields.tags).toEqual(a.tags);
  });

  it('keeps empty sections empty and leaves out a missing verify-by date and owner', () => {
    const a = row({
      issue: '',
      cause: '',
      verifyBy: null,
      audience: 'internal',
      confidence: 'wip',
    });
    const text = formatArticleFile(a, null);
    expect(text).not.toContain('verifyBy');
    expect(text).not.toContain('owner');
    const fields = roundTrip(a);
    expect(fields).toMatchObject({
      issue: '',
      cause: '',
      verifyBy: null,
      audience: 'internal',
      confidence: 'wip',
    });
    expect(fields.resolution).toBe(a.resolution);
    expect(fields).not.toHaveProperty('owner');
  });

  it('writes the sections in order under level-2 headings', () => {
    const text = formatArticleFile(row(), null);
    const headings = [...text.matchAll(/^## (\w+)$/gm)].map((m) => m[1] ?? '');
    const known = ['Issue', 'Environment', 'Resolution', 'Cause'];
    expect(headings.filter((h) => known.includes(h))).toEqual(known);
    // every Markdown field of the file format, in the catalogue's order
    expect(headings).toEqual(MARKDOWN_FIELDS.filter((f) => f.inFile).map((f) => f.label));
    expect(text.startsWith('---\n')).toBe(true);
  });
});
