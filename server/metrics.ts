import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: a search or a query takes milliseconds, a rebuild seconds. */
const FAST = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const SLOW = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The operators' numbers, in Prometheus form (GET /metrics). Parts of the app report into it
 * through plain callbacks (the database's onQuery, the index's onTiming), so no floor below
 * needs to know Prometheus; what is counted in the database is read when scraped.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: FAST,
    registers: [this.registry],
  });
  readonly searchDuration = new Histogram({
    name: 'firstcall_search_duration_seconds',
    help: 'Ranked searches, as agents run them',
    buckets: FAST,
    registers: [this.registry],
  });
  readonly zeroResults = new Counter({
    name: 'firstcall_search_zero_results_total',
    help: 'Searches that found nothing (a content gap, or a typo the index could not absorb)',
    registers: [this.registry],
  });
  readonly dbQuery = new Histogram({
    name: 'firstcall_db_query_duration_seconds',
    help: 'Database statements',
    buckets: FAST,
    registers: [this.registry],
  });
  readonly indexTiming = new Histogram({
    name: 'firstcall_search_index_duration_seconds',
    help: 'Search index rebuilds (every article) and folds (recent saves into the base)',
    labelNames: ['kind'] as const,
    buckets: SLOW,
    registers: [this.registry],
  });
  readonly webhookFailures = new Counter({
    name: 'firstcall_webhook_delivery_failures_total',
    help: 'Webhook delivery attempts that failed (each retry counts)',
    registers: [this.registry],
  });
  readonly webhookDelivered = new Counter({
    name: 'firstcall_webhook_deliveries_total',
    help: 'Webhook deliveries that the receiver accepted',
    registers: [this.registry],
  });

  /** The process's own numbers (CPU, memory, event-loop lag, GC): only where they are served. */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
  }

  /** A number read when scraped (a count in the database, the index's size). */
  gauge(name: string, help: string, read: () => number | Promise<number>): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }
}
