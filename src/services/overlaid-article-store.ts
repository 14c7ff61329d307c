import type { ArticleStore, StoredArticle, UpsertResult } from '../domain/article';
import { applyOverrides, type OverrideStore } from '../domain/newsroom';

/**
 * The article store as every reader sees it: each article with the newsroom's social overrides on top
 * (src/domain/newsroom). Writes go to the CMS's document only, so a CMS `PUT` never wipes an override;
 * what a write returns is overlaid too, so publishing plans the cards networks will actually get.
 */
export function withOverrides(store: ArticleStore, overrides: OverrideStore): ArticleStore {
  async function overlay(stored: StoredArticle | undefined): Promise<StoredArticle | undefined> {
    if (!stored) return stored;
    const o = await overrides.get(stored.article.id);
    return o ? { ...stored, article: applyOverrides(stored.article, o.overrides) } : stored;
  }
  async function overlayMany(list: StoredArticle[]): Promise<StoredArticle[]> {
    if (list.length === 0) return list;
    const found = await overrides.getMany(list.map((s) => s.article.id));
    return list.map((s) => {
      const o = found.get(s.article.id);
      return o ? { ...s, article: applyOverrides(s.article, o.overrides) } : s;
    });
  }
  async function overlayResult(r: UpsertResult): Promise<UpsertResult> {
    const previous = await overlay(r.previous);
    return { ...r, stored: (await overlay(r.stored))!, ...(previous ? { previous } : {}) };
  }
  return {
    ...store,
    get: async (id) => overlay(await store.get(id)),
    async getByUrl(url) {
      if (!overrides.forArticleAt) return overlay(await store.getByUrl(url));
      // Both reads at once (every proxied page in edge mode makes this read); when a write came between
      // them and they name different articles, the overrides are read again by id.
      const [stored, found] = await Promise.all([store.getByUrl(url), overrides.forArticleAt(url)]);
      if (!stored || found?.articleId !== stored.article.id) return overlay(stored);
      return found.overrides ? { ...stored, article: applyOverrides(stored.article, found.overrides.overrides) } : stored;
    },
    upsert: async (article) => overlayResult(await store.upsert(article)),
    upsertMany: async (articles) => Promise.all((await store.upsertMany(articles)).map(overlayResult)),
    delete: (id) => store.delete(id),
    list: async (options) => {
      const page = await store.list(options);
      return { ...page, items: await overlayMany(page.items) };
    },
    ping: () => store.ping(),
  };
}
