import type { FC } from 'hono/jsx';
import { formatArticleDate, type StoredArticle } from '../../src/domain/article';
import type { SiteConfig } from '../../src/domain/site';
import { Layout } from './layout';

export const HomePage: FC<{ config: SiteConfig; items: StoredArticle[]; nextCursor?: string }> = ({ config, items, nextCursor }) => (
  <Layout config={config} title={`${config.siteName} · Presscard`}>
    <h1>Published articles</h1>
    {items.length === 0 ? <p>No published articles yet. Push one with the ingest API (see the README).</p> : null}
    <ul class="article-list">
      {items.map(({ article }) => (
        <li lang={article.lang}>
          <a href={`/a/${article.id}`}>{article.headline}</a>
          <span class="list-meta">
            {article.section} · <time datetime={article.publishedAt}>{formatArticleDate(article.publishedAt, article.lang, config.timeZone)}</time>
          </span>
        </li>
      ))}
    </ul>
    {nextCursor ? (
      <p>
        <a href={`/?cursor=${encodeURIComponent(nextCursor)}`} rel="next">Older articles</a>
      </p>
    ) : null}
  </Layout>
);
