import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import type { Access } from '../src/http/access';

/**
 * Every route of the Worker with the access it states (src/http/access.ts). A new route must be added
 * here with its access, so nothing becomes public by accident; a route without an access middleware
 * fails the second test.
 */
const EXPECTED: Record<string, Access> = {
  'ALL /*': 'public', // edge mode (src/routes/edge.ts): falls through unless ORIGIN_URL is set
  'GET /healthz': 'public',
  'GET /problems/:type': 'public',
  'GET /api/articles': 'ingest',
  'POST /api/articles/batch': 'ingest',
  'GET /api/articles/:id': 'ingest',
  'PUT /api/articles/:id': 'ingest',
  'DELETE /api/articles/:id': 'ingest',
  'GET /api/articles/:id/meta': 'public',
  'GET /api/articles/:id/share': 'public',
  'GET /api/articles/:id/stats': 'ingest',
  'GET /s/mastodon/:id': 'public',
  'GET /s/:network/:id': 'public',
  'POST /s/copy/:id': 'public',
  'GET /share-bar/:id': 'public',
  'GET /oembed': 'public',
  'GET /oembed.json': 'public',
  'GET /oembed.xml': 'public',
  'GET /embed/:id': 'public',
  'GET /embed/:id/open': 'public',
  'GET /embed.js': 'public',
  'GET /card/:id/:file': 'public',
  'GET /': 'public',
  'GET /a/:id': 'public',
  'GET /newsroom/sign-in': 'public',
  'POST /newsroom/sign-in': 'public',
  'POST /newsroom/sign-out': 'staff',
  'GET /newsroom': 'staff',
  'GET /newsroom/articles/:id': 'staff',
  'GET /api/newsroom/articles': 'staff',
  'GET /api/newsroom/articles/:id/preview': 'staff',
  'POST /api/newsroom/articles/:id/preview': 'staff',
  'GET /api/newsroom/articles/:id/cards/:variant': 'staff',
  'GET /api/newsroom/articles/:id/overrides': 'staff',
  'PUT /api/newsroom/articles/:id/overrides': 'staff',
  'GET /api/newsroom/articles/:id/crawl': 'staff',
  'POST /api/newsroom/articles/:id/refresh/facebook': 'staff',
};

type RouteHandler = { access?: Access };

/** method + path -> the access markers of the handlers registered for it (middleware `use` excluded). */
function routeTable(): Map<string, Access[]> {
  const table = new Map<string, Access[]>();
  for (const route of createApp().routes) {
    const marker = (route.handler as RouteHandler).access;
    // app.use middleware (security headers, ETags, services) is ALL without a marker; edge mode is ALL with one.
    if (route.method === 'ALL' && !marker) continue;
    const key = `${route.method} ${route.path}`;
    const list = table.get(key) ?? [];
    if (marker) list.push(marker);
    table.set(key, list);
  }
  return table;
}

describe('route access', () => {
  it('lists every route with the access it states, and no other route exists', () => {
    const table = routeTable();
    const actual = Object.fromEntries([...table].map(([key, markers]) => [key, markers[0]]));
    expect(actual).toEqual(EXPECTED);
  });

  it('gives every route exactly one access middleware', () => {
    for (const [key, markers] of routeTable()) expect(markers, key).toHaveLength(1);
  });
});
