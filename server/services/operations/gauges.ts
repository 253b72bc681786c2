import type { Database } from '../../db/connection';
import type { Metrics } from '../../metrics';
import type { SearchIndex } from '../../search/searchIndex';
import { countActiveSessions } from '../../stores/sessions';
import { deliveryCounts } from '../../stores/webhooks';

/** Hooks the database and the index into the metrics, and the numbers read when scraped. */
export function watchOperations(metrics: Metrics, db: Database, search: SearchIndex): void {
  db.onQuery = (seconds) => metrics.dbQuery.observe(seconds);
  search.onTiming = (kind, seconds) => metrics.indexTiming.observe({ kind }, seconds);
  metrics.gauge(
    'firstcall_search_index_documents',
    'Articles in the search index',
    () => search.size,
  );
  metrics.gauge(
    'firstcall_search_index_segments',
    'Segments a search visits (the base and recent saves not yet folded)',
    () => search.segments,
  );
  metrics.gauge(
    'firstcall_webhook_queue_depth',
    'Webhook deliveries waiting for their next attempt',
    async () => (await deliveryCounts(db.reads)).pending,
  );
  metrics.gauge(
    'firstcall_webhook_deliveries_given_up',
    'Webhook deliveries given up on after 24 hours of retries',
    async () => (await deliveryCounts(db.reads)).failed,
  );
  metrics.gauge('firstcall_sessions_active', 'Signed-in sessions not yet expired', () =>
    countActiveSessions(db.reads, Date.now()),
  );
}
