import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { InvalidCursorError } from '../domain/article';
import { shareBarModel } from '../domain/share';
import { access } from '../http/access';
import { notFoundPage } from '../http/not-found-page';
import { ArticlePage } from '../../templates/pages/article-page';
import { HomePage } from '../../templates/pages/home-page';
import { ShareBarElement } from '../../templates/share/share-bar-element';

/** The home page (published articles, newest first) and the article page with its full head. */
export const pages = new Hono<AppEnv>();

pages.get('/', access('public'), async (c) => {
  const { articles } = c.var.services;
  let page;
  try {
    page = await articles.list({ limit: 50, cursor: c.req.query('cursor') || undefined, audience: 'public' });
  } catch (err) {
    if (!(err instanceof InvalidCursorError)) throw err;
    page = await articles.list({ limit: 50, audience: 'public' });
  }
  return c.html(<HomePage config={c.var.config} items={page.items} nextCursor={page.nextCursor} />, 200, {
    'cache-control': 'public, max-age=60',
  });
});

pages.get('/a/:id', access('public'), async (c) => {
  const { services, config, origin } = c.var;
  const stored = await services.articles.find(c.req.param('id'), 'public');
  if (!stored) return notFoundPage(c);
  const { article } = stored;
  const cards = await services.cards.images(article);
  const tags = await services.headTags(article, cards);
  const share = <ShareBarElement model={shareBarModel(article, config, origin, cards.og.url)} script={`${origin}/share-bar.js`} />;
  return c.html(<ArticlePage article={article} config={config} tags={tags} share={share} />, 200, {
    'cache-control': 'public, max-age=60',
  });
});
