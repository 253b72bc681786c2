import { z } from 'zod';
import type { Operation } from './operation';

/** The service's own routes: health, metrics, this description. */
export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/healthz',
    tag: 'Operations',
    summary: 'Up when the database answers (503 when not)',
    access: 'public',
    ok: { status: 200, raw: z.strictObject({ status: z.literal('ok') }) },
    errors: [503],
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'Operations',
    summary: 'Prometheus metrics (Bearer METRICS_TOKEN; 404 when not configured)',
    access: 'public',
    ok: { status: 200, stream: 'text/plain' },
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'Operations',
    summary: 'This document',
    access: 'public',
    ok: { status: 200, raw: z.record(z.string(), z.unknown()) },
  },
  {
    method: 'get',
    path: '/api/docs',
    tag: 'Operations',
    summary: 'This reference, as a page',
    access: 'public',
    ok: { status: 200, stream: 'text/html' },
  },
];
