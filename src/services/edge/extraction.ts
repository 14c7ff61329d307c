import type { OriginFetch } from '../../adapters/origin-fetch';
import type { ArticleStore, StoredArticle } from '../../domain/article';
import { ORIGIN_ACCEPT_ENCODING, rewritable, type EdgeConfig } from '../../domain/edge';
import { extractArticle, type PageRecord, type PageRecordStore } from '../../domain/extraction';
import { ExtractionRateLimited } from '../../domain/operations';
import { compileUrlPatterns, normaliseArticleUrl, type SiteConfig } from '../../domain/site';
import { decodeHTML } from 'entities';
import { createSingleFlight } from '../cards/single-flight';
import { collectSignals, decodePage, EXTRACTION_BYTES, readPrefix } from './collect-signals';

export interface ExtractionDeps {
  store: ArticleStore;
  records: PageRecordStore;
  originFetch: OriginFetch;
  config: SiteConfig;
  edge: EdgeConfig;
  now?: () => number;
}

/** Articles built from origin pages, for canonical URLs the store does not know. */
export interface Extraction {
  /**
   * Reads a 200 HTML origin response for the page at `pagePath` (path and query at origin; consumes its
   * body) and stores the article when it is one, remembering `pagePath` as the article's page.
   */
  fromResponse(canonicalUrl: string, response: Response, pagePath: string): Promise<StoredArticle | undefined>;
  /**
   * Fetches the page and extracts it (oEmbed, cards), unless origin was asked about this URL within
   * the TTL of its last answer (EDGE_FAILURE_TTL for pages that are not articles, EDGE_EXTRACTION_TTL
   * for extracted ones): at most one read per URL per TTL, claimed atomically once a record exists.
   * `admit` is asked only when origin would be read; refused, it throws ExtractionRateLimited.
   */
  byUrl(canonicalUrl: string, originUrl: string, admit?: () => Promise<boolean>): Promise<StoredArticle | undefined>;
  /** True while a failed extraction of this URL is remembered: origin is not asked again per request. */
  failedRecently(canonicalUrl: string): Promise<boolean>;
  /**
   * Asks origin again (conditionally) when the TTL has passed, at most once per URL per TTL; a page
   * origin now answers 404 or 410 for is gone (`gone`).
   */
  refreshIfStale(canonicalUrl: string, originUrl: string): Promise<void>;
  /**
   * Origin answered 404 or 410 for `pagePath`: when that is the extracted article's own page (see
   * `speaksFor`), the article is removed (never a CMS article), so oEmbed, cards and listings stop
   * showing it, and the URL is remembered as not an article for EDGE_FAILURE_TTL. A variant of the
   * URL (`/a/` for `/a`) changes nothing.
   */
  gone(canonicalUrl: string, status: number, pagePath: string): Promise<void>;
}

/** Path and query of a URL: how a page is asked for at origin. */
export function pagePathOf(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}

/**
 * Whether origin's answer for `pagePath` speaks for the page of `canonicalUrl`: it is the page the
 * article was last read from or, before one is recorded, the canonical form itself (no trailing slash,
 * no query). Variants of the URL (`/a/`, `/a//`, `/a?x=1`) share its canonical form, so its article and
 * record, but not its page: origin answering 404 for `/a/` says nothing about `/a`, and must neither
 * remove the article nor mark the URL as not an article.
 */
export function speaksFor(record: PageRecord | undefined, pagePath: string, canonicalUrl: string): boolean {
  return pagePath === (record?.pageUrl ?? new URL(normaliseArticleUrl(canonicalUrl) ?? canonicalUrl).pathname);
}

// Isolate-wide: requests build their services each, but share reads of one URL that are in flight.
const byUrlInFlight = createSingleFlight<StoredArticle | undefined>();

// When each extracted URL is next due for a conditional re-check, as last read from D1 (ms since the
// epoch). Only ever later than D1's own record, so a URL is still asked at most once per TTL.
const refreshDue = new Map<string, number>();
const REFRESH_DUE_ENTRIES = 4096;

function rememberDue(key: string, at: number): void {
  refreshDue.delete(key);
  if (refreshDue.size >= REFRESH_DUE_ENTRIES) refreshDue.delete(refreshDue.keys().next().value!);
  refreshDue.set(key, at);
}

export function createExtraction(deps: ExtractionDeps): Extraction {
  const now = deps.now ?? Date.now;
  const matches = compileUrlPatterns(deps.config.articleUrlPatterns);

  async function fromResponse(canonicalUrl: string, response: Response, pagePath: string): Promise<StoredArticle | undefined> {
    const validators = { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined };
    const bytes = await readPrefix(response.body!, EXTRACTION_BYTES);
    // Relative URLs resolve against the page's public address (the canonical URL it is served at),
    // never against origin's own host.
    const signals = await collectSignals(decodePage(bytes, response.headers.get('content-type')), canonicalUrl);
    const result = extractArticle(signals, {
      canonicalUrl, siteName: deps.config.siteName, defaultLang: deps.config.defaultLocale, matchesCanonical: matches, decode: decodeHTML,
    });
    const record: PageRecord = {
      canonicalUrl, outcome: result.ok ? 'extracted' : result.reason, checkedAt: now(), pageUrl: pagePath,
      ...(validators.etag ? { etag: validators.etag } : {}), ...(validators.lastModified ? { lastModified: validators.lastModified } : {}),
    };
    if (!result.ok) {
      // Remembered only from the URL's own page: a variant that is no article (a listing at `/a?page=2`)
      // must not keep the article at `/a` from being read.
      if (speaksFor(await deps.records.get(canonicalUrl), pagePath, canonicalUrl)) await deps.records.put(record);
      console.warn(JSON.stringify({ event: 'edge-extraction-failed', url: canonicalUrl, page: pagePath, reason: result.reason, issues: result.issues }));
      return undefined;
    }
    await deps.records.put(record);
    const written = await deps.store.saveExtracted(result.article, result.provenance);
    console.log(JSON.stringify({ event: 'edge-extracted', url: canonicalUrl, id: result.article.id, written, provenance: result.provenance }));
    const stored = await deps.store.getByUrl(canonicalUrl);
    return stored?.article.status === 'published' ? stored : undefined;
  }

  async function failedRecently(canonicalUrl: string): Promise<boolean> {
    const record = await deps.records.get(canonicalUrl);
    return !!record && record.outcome !== 'extracted' && now() - record.checkedAt < deps.edge.failureTtlSeconds * 1000;
  }

  const request = (conditional: Record<string, string> = {}) =>
    new Headers({ 'accept-encoding': ORIGIN_ACCEPT_ENCODING, accept: 'text/html', ...conditional });

  async function gone(canonicalUrl: string, status: number, pagePath: string): Promise<void> {
    if (!speaksFor(await deps.records.get(canonicalUrl), pagePath, canonicalUrl)) {
      console.log(JSON.stringify({ event: 'edge-variant-gone', url: canonicalUrl, page: pagePath, status }));
      return;
    }
    await deps.records.put({ canonicalUrl, outcome: 'not-an-article', checkedAt: now() });
    const removed = await deps.store.removeExtracted(canonicalUrl);
    if (removed) console.log(JSON.stringify({ event: 'edge-extracted-gone', url: canonicalUrl, status }));
  }

  return {
    fromResponse,
    failedRecently,
    gone,

    byUrl(canonicalUrl, originUrl, admit) {
      // Concurrent asks in this isolate (a crawler's og and square cards, an oEmbed burst) share one read.
      return byUrlInFlight.run(`${originUrl} ${canonicalUrl}`, async () => {
        const record = await deps.records.get(canonicalUrl);
        const at = now();
        const ttl = record ? (record.outcome === 'extracted' ? deps.edge.extractionTtlSeconds : deps.edge.failureTtlSeconds) * 1000 : 0;
        // Origin was asked within the TTL of what it answered: it is not asked again. An extracted
        // article the store no longer holds comes back after the TTL, not per request.
        if (record && at - record.checkedAt < ttl) return undefined;
        // Counted only when origin is about to be read, and before the claim: a refused request leaves
        // the URL due for the next one.
        if (admit && !(await admit())) throw new ExtractionRateLimited();
        if (record && !(await deps.records.claim(canonicalUrl, at - ttl, at))) return undefined;
        const result = await deps.originFetch(originUrl, { method: 'GET', headers: request() });
        if (result.kind !== 'response') return undefined;
        const { response } = result;
        if (!rewritable('GET', response.status, response.headers)) {
          await response.body?.cancel();
          // Remembered like any page that is not an article, so repeated oEmbed or card requests for a
          // missing URL do not each reach origin. Server errors and redirects are not: they may pass.
          const remembered = response.status < 300 || (response.status >= 400 && response.status < 500);
          if (remembered && speaksFor(record, pagePathOf(originUrl), canonicalUrl)) {
            await deps.records.put({ canonicalUrl, outcome: 'not-an-article', checkedAt: now() });
          }
          return undefined;
        }
        return fromResponse(canonicalUrl, response, pagePathOf(originUrl));
      });
    },

    async refreshIfStale(canonicalUrl, originUrl) {
      const at = now();
      const ttl = deps.edge.extractionTtlSeconds * 1000;
      const memo = `${originUrl} ${canonicalUrl}`;
      // Known not to be due in this isolate: no D1 read for every page view of an extracted article.
      if (at < (refreshDue.get(memo) ?? -Infinity)) return;
      const record = await deps.records.get(canonicalUrl);
      if (!record) return;
      if (at - record.checkedAt < ttl) return rememberDue(memo, record.checkedAt + ttl);
      // Claimed by another request (which moved checkedAt to its now): due again a TTL from now.
      rememberDue(memo, at + ttl);
      if (!(await deps.records.claim(canonicalUrl, at - ttl, at))) return;
      const conditional: Record<string, string> = {};
      if (record.etag) conditional['if-none-match'] = record.etag;
      if (record.lastModified) conditional['if-modified-since'] = record.lastModified;
      // The page the article was read from, whichever form of its URL the view asked for.
      const pageUrl = record.pageUrl ? new URL(record.pageUrl, originUrl).href : originUrl;
      const result = await deps.originFetch(pageUrl, { method: 'GET', headers: request(conditional) });
      if (result.kind !== 'response') return;
      const { response } = result;
      if (response.status === 304 || !rewritable('GET', response.status, response.headers)) {
        await response.body?.cancel();
        if (isGone(response.status)) await gone(canonicalUrl, response.status, pagePathOf(pageUrl));
        return;
      }
      await fromResponse(canonicalUrl, response, pagePathOf(pageUrl));
    },
  };
}

/** Origin's answers that say a page is no longer there (RFC 9110 §15.5.5, §15.5.11). */
export function isGone(status: number): boolean {
  return status === 404 || status === 410;
}
