import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { InvalidCursorError } from '../domain/article';
import { access } from '../http/access';
import { notFoundPage } from '../http/not-found-page';
import { uiLang } from '../http/ui-lang';
import { ListPage, type NewsroomRow } from '../../templates/newsroom/list-page';
import { PreviewPage } from '../../templates/newsroom/preview-page';

/** The newsroom's pages (staff only). */
export const newsroomPages = new Hono<AppEnv>();

const PAGE_SIZE = 25;
const privateHeaders = { 'cache-control': 'private, no-store' };

newsroomPages.get('/newsroom', access('staff'), async (c) => {
  const { services } = c.var;
  const staff = c.var.staff!;
  const query = (c.req.query('q') ?? '').slice(0, 200);
  let page;
  try {
    page = await services.newsroom.list({ limit: PAGE_SIZE, cursor: c.req.query('cursor') || undefined, query });
  } catch (err) {
    if (!(err instanceof InvalidCursorError)) throw err;
    page = await services.newsroom.list({ limit: PAGE_SIZE, query });
  }
  const rows: NewsroomRow[] = await Promise.all(page.items.map(async ({ stored: { article }, embargoed }) => ({
    id: article.id,
    headline: article.socialHeadline ?? article.headline,
    status: article.status,
    ...(embargoed && article.embargoUntil ? { embargoUntil: article.embargoUntil } : {}),
    publishedAt: article.publishedAt,
    // A public article's thumbnail is its public card (cached, warm after ingest); only drafts and
    // embargoed articles need a staff render, which counts against STAFF_PREVIEW_LIMITER.
    thumbnailUrl: article.status === 'published' && !embargoed
      ? (await services.cards.images(article)).og.url
      : `/api/newsroom/articles/${encodeURIComponent(article.id)}/cards/og`,
    warnings: await services.newsroom.warningCounts(article),
  })));
  return c.html(
    <ListPage lang={uiLang(c)} staffName={staff.name} rows={rows} query={query} {...(staff.csrf ? { csrf: staff.csrf } : {})} {...(page.nextCursor ? { nextCursor: page.nextCursor } : {})} />,
    200,
    privateHeaders,
  );
});

newsroomPages.get('/newsroom/articles/:id', access('staff'), async (c) => {
  const staff = c.var.staff!;
  const article = await c.var.services.newsroom.load(c.req.param('id'));
  if (!article) return notFoundPage(c);
  return c.html(
    <PreviewPage
      lang={uiLang(c)}
      staffName={staff.name}
      cms={article.cms.article}
      overrides={article.overrides}
      etag={`"o${article.saved?.revision ?? 0}"`}
      {...(staff.csrf ? { csrf: staff.csrf } : {})}
    />,
    200,
    privateHeaders,
  );
});
