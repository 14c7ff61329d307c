import type { Article, ValidationIssue } from './article';

/** Where photos may come from: config IMAGE_HOSTS (`host[:port]`), and this service's own `/photos/`. */
export interface PhotoHostPolicy {
  imageHosts: readonly string[];
  /** Absolute origin of this service, e.g. `https://share.example`. */
  origin: string;
}

/** Hosts of local development: reachable over http, and only for the `/photos/` static assets. */
const DEV_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const ASSET_PREFIX = '/photos/';

/**
 * How a photo URL may be read, or why it never can: `asset` (this service's static `/photos/`, read
 * through the ASSETS binding: a Worker cannot fetch its own origin), `network` (an allowed host over
 * https), or a refusal reason (`userinfo`, `disallowed-host`, `insecure-scheme`, `unreachable-dev-host`). One rule
 * for the photo source (src/adapters/photo-source.ts, at every redirect hop) and for ingest.
 */
export function photoUrlRoute(url: URL, policy: PhotoHostPolicy): { via: 'asset' | 'network' } | { refused: string } {
  // Userinfo is never sent to a photo host and would be published in every page's <img>: a URL with it
  // is a trick or a leak, not a photo (RFC 3986 §3.2.1 deprecates passwords in URIs). Checked before
  // the origin, which leaves userinfo out.
  if (url.username || url.password) return { refused: 'userinfo' };
  if (url.origin === policy.origin && url.pathname.startsWith(ASSET_PREFIX)) return { via: 'asset' };
  if (!policy.imageHosts.includes(url.host.toLowerCase())) return { refused: 'disallowed-host' };
  const dev = DEV_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(dev && url.protocol === 'http:')) return { refused: 'insecure-scheme' };
  if (dev) return url.pathname.startsWith(ASSET_PREFIX) ? { via: 'asset' } : { refused: 'unreachable-dev-host' };
  return { via: 'network' };
}

const EXPLAIN: Record<string, string> = {
  'disallowed-host': 'is not on one of the image hosts (IMAGE_HOSTS)',
  userinfo: 'must not carry a user name or password',
  'insecure-scheme': 'must use https',
  'unreachable-dev-host': 'on a local development host must be under /photos/',
};

/**
 * The issue with an article's photo URL when the renderer could never fetch it: the card would always
 * be drawn without it. Ingest answers 422 naming `/image/url` (or `<prefix>/image/url` in a batch).
 */
export function photoHostIssue(article: Pick<Article, 'image'>, policy: PhotoHostPolicy, prefix = ''): ValidationIssue | undefined {
  if (!article.image) return undefined;
  const pointer = `${prefix}/image/url`;
  let url: URL;
  try {
    url = new URL(article.image.url);
  } catch {
    return { pointer, message: 'is not a URL' };
  }
  const route = photoUrlRoute(url, policy);
  if ('via' in route) return undefined;
  return { pointer, message: `${EXPLAIN[route.refused] ?? route.refused}; the card could never show this photo` };
}
