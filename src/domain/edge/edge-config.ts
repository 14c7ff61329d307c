import { z } from 'zod';

/** Edge mode settings, read from the Worker's vars next to the site configuration. */
export interface EdgeConfig {
  /** The publisher's origin (scheme, host, optional port, no path); undefined: edge mode off. */
  originUrl?: string;
  /** CSS selector (HTMLRewriter syntax) after whose element the share bar goes; the first match wins. */
  shareBarAfter: string;
  /** Milliseconds to wait for origin's response headers before answering 504. */
  originTimeoutMs: number;
  /** Seconds an extracted article is trusted before origin is asked again (conditionally). */
  extractionTtlSeconds: number;
  /** Seconds a page that could not be extracted is remembered as such. */
  failureTtlSeconds: number;
  /**
   * Seconds an isolate keeps the article it read for a proxied page (src/services/edge/remembered-articles.ts);
   * 0 or absent: read for every page.
   */
  articleCacheSeconds?: number;
}

export const DEFAULT_SHARE_BAR_AFTER = 'article h1';

const schema = z.object({
  ORIGIN_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
  EDGE_SHARE_BAR_AFTER: z.string().trim().min(1).max(200).default(DEFAULT_SHARE_BAR_AFTER),
  EDGE_ORIGIN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  EDGE_EXTRACTION_TTL: z.coerce.number().int().min(1).max(30 * 86_400).default(900),
  EDGE_FAILURE_TTL: z.coerce.number().int().min(1).max(30 * 86_400).default(3600),
  EDGE_ARTICLE_CACHE_TTL: z.coerce.number().int().min(0).max(300).default(5),
});

export class EdgeConfigError extends Error {
  override name = 'EdgeConfigError';
}

/** Parses the edge vars; a bad value throws an EdgeConfigError naming the key. */
export function parseEdgeConfig(env: object): EdgeConfig {
  const vars = env as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) if (vars[key] !== undefined) picked[key] = vars[key];
  const result = schema.safeParse(picked);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new EdgeConfigError(`Invalid edge configuration: ${problems.join('; ')}`);
  }
  const v = result.data;
  let originUrl: string | undefined;
  if (v.ORIGIN_URL) {
    const u = new URL(v.ORIGIN_URL);
    if (u.pathname !== '/' || u.search || u.hash) throw new EdgeConfigError('Invalid edge configuration: ORIGIN_URL: an origin without path, query or fragment');
    originUrl = u.origin;
  }
  return {
    ...(originUrl ? { originUrl } : {}),
    shareBarAfter: v.EDGE_SHARE_BAR_AFTER,
    originTimeoutMs: v.EDGE_ORIGIN_TIMEOUT_MS,
    extractionTtlSeconds: v.EDGE_EXTRACTION_TTL,
    failureTtlSeconds: v.EDGE_FAILURE_TTL,
    articleCacheSeconds: v.EDGE_ARTICLE_CACHE_TTL,
  };
}
