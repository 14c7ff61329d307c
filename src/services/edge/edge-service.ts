import type { OriginFetch } from '../../adapters/origin-fetch';
import { isVisibleTo, type Article, type StoredArticle } from '../../domain/article';
import {
  charsetFromContentType, DROPPED_ARTICLE_REQUEST_HEADERS, type EdgeConfig, type EdgeDecision, edgeDecision, ifNoneMatchHits, isUtf8,
  fingerprint, ORIGIN_ACCEPT_ENCODING, originIfNoneMatch, patternHosts, rewritable, rewrittenEtag, sniffMetaCharset,
} from '../../domain/edge';
import type { HeadTag } from '../../domain/head';
import { shareBarModel } from '../../domain/share';
import { canonicalUrlForExtractedId } from '../../domain/extraction';
import { compileUrlPatterns, type SiteConfig } from '../../domain/site';
import type { CardImages } from '../cards';
import { type Extraction, isGone, pagePathOf } from './extraction';
import { asciiInjectedSet, buildInjectedSet, type InjectedSet } from './injected-set';
import { rewriteBody, type RewriteOptions } from './rewrite-stream';

export interface EdgeDeps {
  config: SiteConfig;
  edge: EdgeConfig;
  /** Absolute origin of this service (share bar script, cards, oEmbed discovery). */
  origin: string;
  originFetch: OriginFetch;
  extraction: Extraction;
  findByUrl(url: string): Promise<StoredArticle | undefined>;
  cardImages(article: Article): Promise<CardImages>;
  headTags(article: Article, cards: CardImages): Promise<HeadTag[]>;
  /** Options of the rewrite (tests add a handler that throws). */
  rewrite?: RewriteOptions;
  /** The clock the visibility policy reads (embargoes). */
  now: () => Date;
}

export interface EdgeService {
  /** Whether edge mode takes a request, by its URL (src/domain/edge/edge-route.ts). */
  decide(requestUrl: string): EdgeDecision;
  /** Answers a request edge mode takes (src/routes/edge.ts decides which): proxied, rewritten or passed through. */
  serve(request: Request, decision: Exclude<EdgeDecision, { kind: 'app' }>, waitUntil: (p: Promise<unknown>) => void): Promise<Response>;
  /**
   * The published article at a canonical URL: stored, or extracted now from origin (oEmbed, cards).
   * `admit` is asked before origin is read (the extraction rate limit); refused, ExtractionRateLimited.
   */
  articleFor(canonicalUrl: string, admit?: () => Promise<boolean>): Promise<StoredArticle | undefined>;
  /**
   * The published article an extracted article's id (`x-…`) stands for, when the store does not hold
   * that id: the article now stored at its canonical URL (a CMS push may have replaced it under another
   * id), or extracted again from origin (a card URL from another deployment, or a row that is gone).
   * Undefined for ids that are not extracted ones or cannot be read back (canonicalUrlForExtractedId).
   */
  articleForId(id: string, admit?: () => Promise<boolean>): Promise<StoredArticle | undefined>;
}

/** The plain page for an origin that did not answer (504) or could not be reached (502). */
function gatewayError(status: 502 | 504): Response {
  const title = status === 504 ? 'Gateway Timeout' : 'Bad Gateway';
  const text = status === 504 ? 'The site did not answer in time.' : 'The site could not be reached.';
  return new Response(`<!doctype html><meta charset="utf-8"><title>${status} ${title}</title><h1>${title}</h1><p>${text} Please try again.</p>\n`, {
    status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

// Injected sets by configuration, then by article revision and service origin: the set is a pure
// function of these, and rendering it (head tags, share bar) is most of edge mode's own work per page.
const setCache = new WeakMap<SiteConfig, Map<string, InjectedSet>>();
// The store hands out one parsed object per row version (src/adapters/d1-article-store.ts), so an
// article without overrides is serialised once, not per page view.
const fingerprints = new WeakMap<Article, string>();
function articleFingerprint(article: Article): string {
  let known = fingerprints.get(article);
  if (!known) fingerprints.set(article, (known = fingerprint(JSON.stringify(article))));
  return known;
}
const SET_CACHE_ENTRIES = 256;

export function createEdgeService(deps: EdgeDeps): EdgeService {
  const matchesCanonical = compileUrlPatterns(deps.config.articleUrlPatterns);
  async function toOrigin(url: string, init: { method: string; headers: Headers; body?: BodyInit | null }): Promise<Response> {
    const result = await deps.originFetch(url, init);
    if (result.kind === 'response') return result.response;
    console.warn(JSON.stringify({ event: 'edge-origin-failed', url, kind: result.kind, timeoutMs: deps.edge.originTimeoutMs, ...(result.kind === 'unreachable' ? { reason: result.reason } : {}) }));
    return gatewayError(result.kind === 'timeout' ? 504 : 502);
  }

  /** Untouched: the request as the client sent it, the response as origin sent it. */
  function passThrough(request: Request, originUrl: string): Promise<Response> {
    const headers = new Headers(request.headers);
    headers.delete('host');
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    return toOrigin(originUrl, { method: request.method, headers, ...(hasBody ? { body: request.body } : {}) });
  }

  async function setFor(stored: StoredArticle): Promise<InjectedSet> {
    const { article } = stored;
    let cache = setCache.get(deps.config);
    if (!cache) setCache.set(deps.config, (cache = new Map()));
    // The revision alone would miss newsroom overrides, which change the article readers see but not
    // the CMS's revision: the key is the article as overlaid.
    const key = `${deps.origin} ${article.id} ${stored.revision} ${stored.updatedAt} ${articleFingerprint(article)}`;
    const known = cache.get(key);
    if (known) return known;
    const cards = await deps.cardImages(article);
    const tags = await deps.headTags(article, cards);
    const set = buildInjectedSet(tags, shareBarModel(article, deps.config, deps.origin, cards.og.url), deps.origin);
    if (cache.size >= SET_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, set);
    return set;
  }

  /**
   * Streams origin's body through the rewriter with this set; the response headers cleaned up. When the
   * rewriter fails before its first byte, origin's page is served as it is (rewrite-stream.ts).
   */
  async function rewritten(request: Request, response: Response, set: InjectedSet, body: { first: Uint8Array | undefined; reader: ReadableStreamDefaultReader<Uint8Array> }): Promise<Response> {
    const sniffed = body.first;
    const headers = new Headers(response.headers);
    // The body is decoded and its length changes: neither header would be true any more.
    headers.delete('content-length');
    headers.delete('content-encoding');
    const etag = rewrittenEtag(response.headers.get('etag'), set.fingerprint);
    if (etag) headers.set('etag', etag);
    else headers.delete('etag');
    if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) {
      void body.reader.cancel();
      return new Response(null, { status: 304, headers });
    }
    const contentType = response.headers.get('content-type') ?? 'text/html';
    const charset = charsetFromContentType(contentType) ?? (sniffed ? sniffMetaCharset(sniffed) : undefined);
    const injected = isUtf8(charset) ? set : asciiInjectedSet(set);
    const helmet = sniffed ? /\bdata-(rh|react-helmet)\b/.test(new TextDecoder().decode(sniffed)) : false;
    const out = await rewriteBody(body, {
      headHtml: injected.headHtml, shareBarHtml: injected.shareBarHtml, shareBarAfter: deps.edge.shareBarAfter, helmet,
      ...(charset ? { charset } : {}),
    }, contentType, deps.rewrite);
    if (!out.rewritten) return new Response(out.body, { status: response.status, headers: withoutEncoding(response.headers) });
    return new Response(out.body, { status: 200, headers });
  }

  /** The first chunk of the body, read ahead (charset and head-manager sniffing); the reader goes on after it. */
  async function peek(body: ReadableStream<Uint8Array>): Promise<{ first: Uint8Array | undefined; reader: ReadableStreamDefaultReader<Uint8Array> }> {
    const reader = body.getReader();
    const { done, value } = await reader.read();
    return { first: done ? undefined : value, reader };
  }

  async function serveArticle(request: Request, canonicalUrl: string, originUrl: string, waitUntil: (p: Promise<unknown>) => void): Promise<Response> {
    if (request.method !== 'GET') return passThrough(request, originUrl);
    let stored = await deps.findByUrl(canonicalUrl);
    // A draft or an embargoed article the CMS holds is not shown to the public, even in tags
    // (domain/article/visibility.ts): the page passes through as origin serves it.
    if (stored && !isVisibleTo(stored.article, 'public', deps.now())) return passThrough(request, originUrl);
    if (!stored && (await deps.extraction.failedRecently(canonicalUrl))) return passThrough(request, originUrl);

    let set: InjectedSet | undefined;
    try {
      set = stored ? await setFor(stored) : undefined;
    } catch (err) {
      console.warn(JSON.stringify({ event: 'edge-set-failed', url: canonicalUrl, reason: String(err) }));
      return passThrough(request, originUrl);
    }
    const headers = new Headers(request.headers);
    for (const h of DROPPED_ARTICLE_REQUEST_HEADERS) headers.delete(h);
    headers.set('accept-encoding', ORIGIN_ACCEPT_ENCODING);
    const conditional = set ? originIfNoneMatch(request.headers.get('if-none-match'), set.fingerprint) : undefined;
    if (conditional) headers.set('if-none-match', conditional);
    const response = await toOrigin(originUrl, { method: 'GET', headers });

    if (response.status === 304 && set) {
      const out = new Headers(response.headers);
      const etag = rewrittenEtag(response.headers.get('etag'), set.fingerprint);
      if (etag) out.set('etag', etag);
      return new Response(null, { status: 304, headers: out });
    }
    if (!rewritable('GET', response.status, response.headers) || !response.body) {
      // An extracted article whose page origin now says is gone leaves the store with it.
      if (stored?.source === 'extracted' && isGone(response.status)) {
        waitUntil(deps.extraction.gone(canonicalUrl, response.status, pagePathOf(originUrl)).catch((err) => console.warn(JSON.stringify({ event: 'edge-gone-failed', url: canonicalUrl, reason: String(err) }))));
      }
      return response;
    }

    let body: ReadableStream<Uint8Array> = response.body;
    if (!stored) {
      // One origin request serves both: one branch is read for extraction, the other is rewritten with
      // its result (or served unchanged when the page is not an article).
      const [forExtraction, forClient] = body.tee();
      body = forClient;
      try {
        stored = await deps.extraction.fromResponse(canonicalUrl, new Response(forExtraction, { headers: response.headers }), pagePathOf(originUrl));
        set = stored ? await setFor(stored) : undefined;
      } catch (err) {
        console.warn(JSON.stringify({ event: 'edge-extraction-error', url: canonicalUrl, reason: String(err) }));
        set = undefined;
      }
      if (!set) return new Response(body, { status: response.status, headers: withoutEncoding(response.headers) });
    } else if (stored.source === 'extracted') {
      waitUntil(deps.extraction.refreshIfStale(canonicalUrl, originUrl).catch((err) => console.warn(JSON.stringify({ event: 'edge-refresh-failed', url: canonicalUrl, reason: String(err) }))));
    }
    return rewritten(request, response, set!, await peek(body));
  }

  async function articleFor(canonicalUrl: string, admit?: () => Promise<boolean>): Promise<StoredArticle | undefined> {
    const stored = await deps.findByUrl(canonicalUrl);
    if (stored) return isVisibleTo(stored.article, 'public', deps.now()) ? stored : undefined;
    if (!deps.edge.originUrl || !matchesCanonical(canonicalUrl)) return undefined;
    return deps.extraction.byUrl(canonicalUrl, deps.edge.originUrl + new URL(canonicalUrl).pathname, admit);
  }

  return {
    decide: (requestUrl) => edgeDecision(requestUrl, { originUrl: deps.edge.originUrl, patterns: deps.config.articleUrlPatterns, matchesCanonical }),
    async serve(request, decision, waitUntil) {
      if (decision.kind === 'pass') return passThrough(request, decision.originUrl);
      return serveArticle(request, decision.canonicalUrl, decision.originUrl, waitUntil);
    },
    articleFor,
    async articleForId(id, admit) {
      const url = canonicalUrlForExtractedId(id, patternHosts(deps.config.articleUrlPatterns), matchesCanonical);
      return url ? articleFor(url, admit) : undefined;
    },
  };
}

function withoutEncoding(headers: Headers): Headers {
  const out = new Headers(headers);
  out.delete('content-length');
  out.delete('content-encoding');
  return out;
}
