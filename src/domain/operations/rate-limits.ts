/**
 * The rate limits of the service, each a Workers Rate Limiting binding (`[[ratelimits]]` in
 * wrangler.toml, https://developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/): the limit
 * and its period (10 or 60 s) are configuration, per environment. Counts are per Cloudflare location.
 */
export const RATE_LIMITS = {
  /** Uncached card renders per client (cached cards are never counted). */
  cardRenderClient: 'CARD_RENDER_CLIENT_LIMITER',
  /** Uncached card renders per article. */
  cardRenderArticle: 'CARD_RENDER_ARTICLE_LIMITER',
  /** Ingest writes (PUT, DELETE, batch) per token. */
  ingest: 'INGEST_LIMITER',
  /** Staff preview renders per user. */
  staffPreview: 'STAFF_PREVIEW_LIMITER',
  /** Share redirects (`/s/...`) per client. */
  share: 'SHARE_LIMITER',
  /**
   * Edge mode: articles built on demand from origin for oEmbed and card requests per client (each is
   * an origin request and a D1 write; a proxied page's own extraction reads the page it serves, and is
   * not counted).
   */
  extraction: 'EXTRACTION_LIMITER',
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** Port for one rate limit; src/adapters/rate-limiter.ts implements it over a binding. */
export interface RateLimiter {
  /** Counts one request for `key`; true when it is within the limit. Never rejects. */
  admit(key: string): Promise<boolean>;
}

export type RateLimiters = Record<RateLimitName, RateLimiter>;

/**
 * Seconds a refused client is told to wait (`Retry-After`, RFC 9110 §10.2.3): the longest period the
 * binding allows, so the window the refusal was counted in has surely passed.
 */
export const RETRY_AFTER_SECONDS = 60;

/** A limiter that admits everything: a missing binding, or tests that are not about limits. */
export const UNLIMITED: RateLimiter = { admit: async () => true };

/** Thrown where a render would exceed a limit; the card route answers the default image. */
export class RenderRateLimited extends Error {
  override name = 'RenderRateLimited';
  constructor(readonly limit: RateLimitName) {
    super(`uncached card renders over the ${limit} limit`);
  }
}

/** Thrown where building an article from origin would exceed the extraction limit. */
export class ExtractionRateLimited extends Error {
  override name = 'ExtractionRateLimited';
  constructor() {
    super('articles built on demand from origin over the extraction limit');
  }
}
