import type { ExtractionFailure } from './page-signals';

/** What edge mode remembers about an article URL's origin page (one row per canonical URL). */
export interface PageRecord {
  canonicalUrl: string;
  outcome: 'extracted' | ExtractionFailure;
  /** Origin's validators at the last full fetch, for conditional re-extraction (RFC 9110 §13.1). */
  etag?: string;
  lastModified?: string;
  /** When origin was last asked, in ms since the epoch. */
  checkedAt: number;
  /**
   * Path and query at origin of the page the article was last read from (`/a` or `/a/`): only origin's
   * answers for it may remove the article, and the re-check asks for it.
   */
  pageUrl?: string;
}

/** Port: src/adapters/d1-page-records.ts implements it over D1. */
export interface PageRecordStore {
  get(canonicalUrl: string): Promise<PageRecord | undefined>;
  put(record: PageRecord): Promise<void>;
  /**
   * Claims the right to ask origin again: true for exactly one caller once `checkedAt` is older than
   * `staleBefore` (it moves `checkedAt` to `now`), so a URL is re-fetched at most once per TTL.
   */
  claim(canonicalUrl: string, staleBefore: number, now: number): Promise<boolean>;
}
