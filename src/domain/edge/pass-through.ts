/**
 * Which origin responses are rewritten. Everything else passes through unchanged, as production
 * injectors do (rewrite only 200 `text/html`): errors, redirects, 304, HEAD, other types, downloads
 * (`Content-Disposition: attachment`, RFC 6266) and event streams.
 */
export function rewritable(method: string, status: number, headers: Headers): boolean {
  if (method !== 'GET' || status !== 200) return false;
  const type = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'text/html' && type !== 'application/xhtml+xml') return false;
  return !/^\s*attachment/i.test(headers.get('content-disposition') ?? '');
}

/** Request headers never sent to origin for an article page (hop-by-hop ones are the runtime's). */
export const DROPPED_ARTICLE_REQUEST_HEADERS = ['range', 'if-range', 'if-none-match', 'if-modified-since', 'accept-encoding', 'host'] as const;

/**
 * The encodings the Workers runtime decodes for HTMLRewriter: gzip, and br from compatibility date
 * 2024-04-29 (`brotli_content_encoding`). Anything else would reach the rewriter still compressed.
 */
export const ORIGIN_ACCEPT_ENCODING = 'gzip, br';
