// The least a Worker in front of an origin can do, for the edge bench's baseline: fetch the same path
// from ORIGIN_URL and return origin's response as it is. What this costs over origin served directly
// is the runtime's own hop (two loopback connections, the request through workerd), which every
// Worker on a route pays; edge mode's own cost is what Presscard adds on top of it.
export default {
  async fetch(request: Request, env: { ORIGIN_URL: string }): Promise<Response> {
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    headers.delete('host');
    return fetch(env.ORIGIN_URL + url.pathname + url.search, { headers, redirect: 'manual' });
  },
};
