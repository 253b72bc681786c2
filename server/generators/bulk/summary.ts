import type { Param } from '../../db/connection';
import type { BulkTable } from '../../stores/bulkHistory';

export interface BulkOptions {
  contacts: number;
  days: number;
  seed: number;
  now?: Date;
  /** contacts per transaction */
  chunk?: number;
  onProgress?: (p: { done: number; total: number; ms: number }) => void;
}

export interface BulkSummary {
  contacts: number;
  firstStartedAt: string | null;
  lastClosedAt: string | null;
  solved: number;
  solvedWithArticle: number;
  escalated: number;
  followUp: number;
  withCustomerRef: number;
  repeatCustomers: number;
  searches: number;
  zeroResultSearches: number;
  opened: number;
  tried: number;
  requests: number;
  requestsResolved: number;
  nextContactUpdated: number;
  ms: { generate: number; nextContact: number; rollups: number; total: number };
  contactsPerSecond: number;
}

export const emptySummary = (): BulkSummary => ({
  contacts: 0,
  firstStartedAt: null,
  lastClosedAt: null,
  solved: 0,
  solvedWithArticle: 0,
  escalated: 0,
  followUp: 0,
  withCustomerRef: 0,
  repeatCustomers: 0,
  searches: 0,
  zeroResultSearches: 0,
  opened: 0,
  tried: 0,
  requests: 0,
  requestsResolved: 0,
  nextContactUpdated: 0,
  ms: { generate: 0, nextContact: 0, rollups: 0, total: 0 },
  contactsPerSecond: 0,
});

/** Rows waiting for the next multi-row INSERT, per table. */
export type Rows = Record<BulkTable, Param[][]>;

export const emptyRows = (): Rows => ({
  contacts: [],
  contact_articles: [],
  search_events: [],
  article_requests: [],
});
