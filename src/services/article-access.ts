import { ARTICLE_ID_PATTERN, isVisibleTo, listFilterFor, type ArticlePage, type ArticleStore, type Audience, type StoredArticle } from '../domain/article';

/** Reading articles for an audience: every read goes through the one visibility policy. */
export interface ArticleAccess {
  /** The article when it exists and the audience may see it; an id that cannot exist is simply absent. */
  find(id: string, audience: Audience): Promise<StoredArticle | undefined>;
  /** The same, by canonical URL (normalised by the store). */
  findByUrl(url: string, audience: Audience): Promise<StoredArticle | undefined>;
  /** Newest first. Throws InvalidCursorError for a cursor the store did not issue. */
  list(options: { limit: number; cursor?: string | undefined; audience: Audience; headlineContains?: string | undefined }): Promise<ArticlePage>;
}

/** `now` is the clock embargoes are checked against (tests move it). */
export function createArticleAccess(store: ArticleStore, now: () => Date = () => new Date()): ArticleAccess {
  const visible = (stored: StoredArticle | undefined, audience: Audience) =>
    stored && isVisibleTo(stored.article, audience, now()) ? stored : undefined;
  return {
    async find(id, audience) {
      if (!ARTICLE_ID_PATTERN.test(id)) return undefined;
      return visible(await store.get(id), audience);
    },
    async findByUrl(url, audience) {
      return visible(await store.getByUrl(url), audience);
    },
    list({ limit, cursor, audience, headlineContains }) {
      return store.list({ limit, ...(cursor ? { cursor } : {}), ...(headlineContains ? { headlineContains } : {}), ...listFilterFor(audience, now()) });
    },
  };
}
