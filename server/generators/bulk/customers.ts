import type { BulkSummary } from './summary';

/**
 * Customer references: 65% of contacts carry one, drawn from a pool sized to the history;
 * 12% of those are a customer of the last ~10 days calling again, so verified FCR sits below
 * claimed FCR.
 */
export class Customers {
  private readonly pool: number;
  private readonly recent: string[] = []; // a ring of the last ~10 days' references
  private readonly size: number;
  private ring = 0;

  constructor(
    o: { contacts: number; days: number },
    private readonly random: () => number,
    private readonly summary: BulkSummary,
  ) {
    this.pool = Math.max(500, Math.round(o.contacts * 0.3));
    this.size = Math.max(200, Math.round((o.contacts / o.days) * 0.65 * 10));
  }

  next(): string | null {
    const { random, recent, summary } = this;
    if (random() >= 0.65) return null;
    let ref: string;
    if (recent.length > 0 && random() < 0.12) {
      ref = recent[Math.floor(random() * recent.length)]!;
      summary.repeatCustomers++;
    } else ref = `CUS-${100_000 + Math.floor(random() * this.pool)}`;
    if (recent.length < this.size) recent.push(ref);
    else recent[this.ring++ % this.size] = ref;
    summary.withCustomerRef++;
    return ref;
  }
}
