import type { Context } from 'hono';

/**
 * Link prefetchers and HEAD probes are not readers clicking: don't count them (Fetch `Sec-Purpose`,
 * and the older `Purpose`/`X-Moz` headers some browsers still send).
 * https://fetch.spec.whatwg.org/#sec-purpose-header
 */
export function isSpeculative(c: Context): boolean {
  if (c.req.method === 'HEAD') return true;
  const purpose = `${c.req.header('sec-purpose') ?? ''} ${c.req.header('purpose') ?? ''} ${c.req.header('x-moz') ?? ''}`;
  return /prefetch|prerender/i.test(purpose);
}
