import type { CardCache } from '../domain/card';

/** The Cache API of the data centre serving the request (`caches.default`) as a CardCache. */
export function createEdgeCache(cache: Cache): CardCache {
  return {
    match: (url) => cache.match(new Request(url)),
    put: (url, response) => cache.put(new Request(url), response),
    delete: (url) => cache.delete(new Request(url)),
  };
}
