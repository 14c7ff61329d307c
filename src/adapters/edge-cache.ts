/** Responses in the Cache API of the data centre serving the request (the cheapest hit). */
export interface EdgeCache {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
  delete(url: string): Promise<boolean>;
}

export function createEdgeCache(cache: Cache): EdgeCache {
  return {
    match: (url) => cache.match(new Request(url)),
    put: (url, response) => cache.put(new Request(url), response),
    delete: (url) => cache.delete(new Request(url)),
  };
}
