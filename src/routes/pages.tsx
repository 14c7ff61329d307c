import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../app-context';
import { ARTICLE_ID_PATTERN } from '../domain/article/article';
import { shareBarModel } from '../domain/share/share-bar-model';
import { InvalidCursorError } from '../adapters/d1-article-store';
import { ArticlePage } from '../../templates/pages/article-page';
import { HomePage } from '../../templates/pages/home-page';
import { NotFoundPage } from '../../templates/pages/not-found-page';
import { ShareBarElement } from '../../templates/share/share-bar-element';
import { headTagsFor } from './article-head';
import { cardImagesFor } from './card-images';

export const pages = new Hono<AppEnv>();

export function notFoundPage(c: AppContext) {
  return c.html(<NotFoundPage config={c.var.config} />, 404, { 'cache-control': 'public, max-age=60' });
}

/** Published article or undefined: drafts are invisible on every public route. */
export async function publishedArticle(c: AppContext, id: string) {
  if (!ARTICLE_ID_PATTERN.test(id)) return undefined;
  const stored = await c.var.articles.get(id);
  return stored?.article.status === 'published' ? stored : undefined;
}

pages.get('/', async (c) => {
  let page;
  try {
    page = await c.var.articles.list({ limit: 50, cursor: c.req.query('cursor') || undefined, publishedOnly: true });
  } catch (err) {
    if (!(err instanceof InvalidCursorError)) throw err;
    page = await c.var.articles.list({ limit: 50, publishedOnly: true });
  }
  return c.html(<HomePage config={c.var.config} items={page.items} nextCursor={page.nextCursor} />, 200, {
    'cache-control': 'public, max-age=60',
  });
});

pages.get('/a/:id', async (c) => {
  const stored = await publishedArticle(c, c.req.param('id'));
  if (!stored) return notFoundPage(c);
  const { article } = stored;
  const { config, origin } = c.var;
  const cards = await cardImagesFor(c, article);
  const tags = await headTagsFor(c, article, cards);
  const share = <ShareBarElement model={shareBarModel(article, config, origin, cards.og.url)} script={`${origin}/share-bar.js`} />;
  return c.html(<ArticlePage article={article} config={config} tags={tags} share={share} />, 200, {
    'cache-control': 'public, max-age=60',
  });
});
