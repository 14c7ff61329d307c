import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { InvalidCursorError } from '../domain/article';
import { access } from '../http/access';
import { problem } from '../http/problem';

/** The newsroom's JSON API (staff only): articles, previews, social overrides. */
export const newsroomApi = new Hono<AppEnv>();

const privateHeaders = { 'cache-control': 'private, no-store' };

newsroomApi.get('/articles', access('staff'), async (c) => {
  const limitParam = c.req.query('limit') ?? '25';
  const limit = Number(limitParam);
  if (!/^\d+$/.test(limitParam) || limit < 1 || limit > 100) throw problem(400, 'limit must be an integer from 1 to 100.');
  try {
    const page = await c.var.services.newsroom.list({ limit, cursor: c.req.query('cursor') || undefined, query: c.req.query('q')?.slice(0, 200) });
    return c.json({
      items: page.items.map(({ stored, embargoed }) => ({
        id: stored.article.id,
        headline: stored.article.headline,
        status: stored.article.status,
        embargoed,
        embargoUntil: stored.article.embargoUntil ?? null,
        publishedAt: stored.article.publishedAt,
        revision: stored.revision,
      })),
      nextCursor: page.nextCursor ?? null,
    }, 200, privateHeaders);
  } catch (err) {
    if (err instanceof InvalidCursorError) throw problem(400, err.message);
    throw err;
  }
});
