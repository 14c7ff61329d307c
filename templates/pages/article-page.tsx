import type { Child, FC } from 'hono/jsx';
import { type Article, byline, formatArticleDate, formatArticleDateTime, textDirection, updatedLabel } from '../../src/domain/article';
import type { HeadTag } from '../../src/domain/head';
import type { SiteConfig } from '../../src/domain/site';
import { HeadTags } from './head-tags';
import { Layout } from './layout';

export interface ArticlePageProps {
  article: Article;
  config: SiteConfig;
  tags: HeadTag[];
  /** Rendered after the byline: the share bar. */
  share?: Child;
}

export const ArticlePage: FC<ArticlePageProps> = ({ article, config, tags, share }) => {
  const by = byline(article);
  const modified = article.modifiedAt && article.modifiedAt !== article.publishedAt ? article.modifiedAt : undefined;
  // Each inline field is its own bidi isolate (HTML: an element with `dir` gets `unicode-bidi: isolate`;
  // <bdi> likewise): a name in another script never reorders the text beside it (UAX #9 §2.7). Blocks
  // (h1, paragraphs) end their paragraph anyway, and stored text has its controls balanced per field.
  return (
    <Layout config={config} lang={article.lang} dir={textDirection(article.lang)} head={<HeadTags tags={tags} />}>
      <article class="article">
        <p class="kicker">
          {article.label ? <span class="label" dir="auto">{article.label}</span> : null}
          <span class="section" dir="auto">{article.section}</span>
        </p>
        <h1>{article.headline}</h1>
        <p class="dek">{article.description}</p>
        <p class="meta">
          {by ? <span class="byline" dir="auto">{by}</span> : null}
          <time datetime={article.publishedAt}>{formatArticleDate(article.publishedAt, article.lang, config.timeZone)}</time>
          {modified ? (
            <span class="updated">
              ({updatedLabel(article.lang)} <time datetime={modified}>{formatArticleDateTime(modified, article.lang, config.timeZone)}</time>)
            </span>
          ) : null}
        </p>
        {share}
        {article.image ? (
          <figure>
            <img src={article.image.url} alt={article.image.alt} width={article.image.width} height={article.image.height} />
            {article.image.caption || article.image.credit ? (
              <figcaption>
                {article.image.caption}
                {article.image.credit ? <span class="credit" dir="auto"> {article.image.credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        <div class="body">
          {(article.body ?? []).map((p, i) =>
            i === 0 && article.dateline ? (
              <p>
                <span class="dateline"><bdi>{article.dateline}</bdi> --</span> {p}
              </p>
            ) : (
              <p>{p}</p>
            ),
          )}
          {!article.body?.length && article.dateline ? <p class="dateline">{article.dateline}</p> : null}
        </div>
        {article.credit ? <p class="credit-line">({article.credit})</p> : null}
        {article.tags.length ? (
          <ul class="tags">
            {article.tags.map((t) => (
              <li>{t}</li>
            ))}
          </ul>
        ) : null}
        <p class="canonical">
          Original: <a href={article.url}>{article.url}</a>
        </p>
      </article>
    </Layout>
  );
};
