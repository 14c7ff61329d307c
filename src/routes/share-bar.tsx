import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../app-context';
import { shareBarModel } from '../domain/share';
import { access } from '../http/access';
import { problem } from '../http/problem';
import { ShareBar } from '../../templates/share/share-bar';

/**
 * `GET /share-bar/:id`: the share bar as an HTML fragment, for pages that include it server-side and
 * for `<presscard-share>` (assets/share-bar.js), which fetches it from other origins: hence CORS.
 */
export const shareBar = new Hono<AppEnv>();

shareBar.get('/share-bar/:id', access('public'), cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }), async (c) => {
  const id = c.req.param('id');
  const { services, config, origin } = c.var;
  const stored = await services.articles.find(id, 'public');
  if (!stored) throw problem(404, `No published article with id ${JSON.stringify(id)}.`);
  const image = (await services.cards.images(stored.article)).og.url;
  return c.html(<ShareBar model={shareBarModel(stored.article, config, origin, image)} />, 200, {
    'cache-control': 'public, max-age=300',
  });
});
