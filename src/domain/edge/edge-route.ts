/**
 * Which requests edge mode takes. On the publisher's public host (the host of an article URL
 * pattern, reached through a `routes` entry), a path whose canonical URL matches a pattern is an
 * article page (proxied and rewritten) and every other path passes through to origin untouched.
 * Locally (`wrangler dev` on localhost or a loopback address) a request whose path is the path of an
 * article pattern is an article page too, and everything else is this service's own.
 */
export type EdgeDecision =
  | { kind: 'article'; canonicalUrl: string; originUrl: string }
  | { kind: 'pass'; originUrl: string }
  | { kind: 'app' };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

// By list identity, like compileUrlPatterns: edgeDecision runs for every request.
const hostsByPatterns = new WeakMap<readonly string[], string[]>();

/** Hosts of the patterns (`https://mainichi.jp/english/articles/*` gives `mainichi.jp`). */
export function patternHosts(patterns: readonly string[]): string[] {
  let hosts = hostsByPatterns.get(patterns);
  if (!hosts) hostsByPatterns.set(patterns, (hosts = hostsOf(patterns)));
  return hosts;
}

function hostsOf(patterns: readonly string[]): string[] {
  return [...new Set(patterns.map((p) => /^https:\/\/([^/*]+)\//.exec(p)?.[1]?.toLowerCase()).filter((h): h is string => !!h))];
}

export function edgeDecision(
  requestUrl: string,
  options: { originUrl?: string | undefined; patterns: readonly string[]; matchesCanonical: (url: string) => boolean },
): EdgeDecision {
  if (!options.originUrl) return { kind: 'app' };
  const url = new URL(requestUrl);
  // Paths are kept: the request's path and query go to origin as they are.
  const originUrl = options.originUrl + url.pathname + url.search;
  const hosts = patternHosts(options.patterns);
  const host = url.host.toLowerCase();
  if (hosts.includes(host)) {
    const canonicalUrl = `https://${host}${url.pathname}`;
    return options.matchesCanonical(canonicalUrl) ? { kind: 'article', canonicalUrl, originUrl } : { kind: 'pass', originUrl };
  }
  if (LOCAL_HOSTS.has(url.hostname.toLowerCase())) {
    for (const h of hosts) {
      const canonicalUrl = `https://${h}${url.pathname}`;
      if (options.matchesCanonical(canonicalUrl)) return { kind: 'article', canonicalUrl, originUrl };
    }
  }
  return { kind: 'app' };
}
