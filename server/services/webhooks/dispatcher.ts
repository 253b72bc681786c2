import type { Database } from '../../db/connection';
import type { Logger } from '../../logger';
import type { Metrics } from '../../metrics';
import { claimDue, recordAttempt, type ClaimedDelivery } from '../../stores/webhooks';
import { postSigned } from './send';

export interface DispatcherOptions {
  allowPrivate: boolean;
  /** the first retry's delay; each next one doubles, up to an hour */
  retryBaseMs: number;
  timeoutMs: number;
  /** how often the queue is looked at */
  pollMs?: number;
}

const MAX_DELAY_MS = 3_600_000;
const BATCH = 20;

/** When attempt `attempts` (1-based) failed, the next one is due after this long. */
export const retryDelay = (attempts: number, baseMs: number) =>
  Math.min(baseMs * 2 ** (attempts - 1), MAX_DELAY_MS);

/**
 * Sends the queued deliveries: claims the due ones (a lease, so app nodes share the queue
 * without sending one twice), posts each signed, and records the answer: 2xx is delivered;
 * anything else, a timeout or a refused address is retried with exponential backoff until
 * 24 hours after the event, then given up.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  constructor(
    private readonly db: Database,
    private readonly opts: DispatcherOptions,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.runOnce(), this.opts.pollMs ?? 1000).unref();
  }

  /** Stops polling and waits for the deliveries under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass over the due deliveries; resolves with how many were attempted. */
  runOnce(): Promise<number> {
    this.running ??= this.pass()
      .catch((err: unknown) => {
        this.logger.error({ err }, 'webhook delivery pass failed');
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const now = Date.now();
      const lease = new Date(now + this.opts.timeoutMs * 2 + 5000).toISOString();
      const due = await claimDue(this.db, new Date(now).toISOString(), lease, BATCH);
      await Promise.all(due.map((d) => this.deliver(d)));
      attempted += due.length;
      if (due.length < BATCH) return attempted;
    }
  }

  private async deliver(d: ClaimedDelivery): Promise<void> {
    let responseStatus: number | null = null;
    let error: string | null = null;
    try {
      responseStatus = (
        await postSigned(
          d.url,
          d.payload,
          {
            'X-Firstcall-Event': d.event,
            'X-Firstcall-Event-Id': d.eventId,
            'X-Firstcall-Delivery': String(d.id),
          },
          {
            secret: d.secret,
            allowPrivate: this.opts.allowPrivate,
            timeoutMs: this.opts.timeoutMs,
          },
        )
      ).status;
      if (responseStatus < 200 || responseStatus >= 300) error = `answered ${responseStatus}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const at = new Date();
    if (error === null) {
      this.metrics?.webhookDelivered.inc();
      await recordAttempt(this.db, d.id, {
        status: 'delivered',
        at: at.toISOString(),
        nextAttemptAt: null,
        responseStatus,
        error: null,
      });
      return;
    }
    this.metrics?.webhookFailures.inc();
    const next = new Date(at.getTime() + retryDelay(d.attempts + 1, this.opts.retryBaseMs));
    const givingUp = next.toISOString() > d.giveUpAt;
    this.logger.warn(
      { webhookId: d.webhookId, deliveryId: d.id, event: d.event, error, givingUp },
      'webhook delivery failed',
    );
    await recordAttempt(this.db, d.id, {
      status: givingUp ? 'failed' : 'pending',
      at: at.toISOString(),
      nextAttemptAt: givingUp ? null : next.toISOString(),
      responseStatus,
      error: error.slice(0, 500),
    });
  }
}
