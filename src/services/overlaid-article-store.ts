import type { ArticleStore, StoredArticle, UpsertResult } from '../domain/article';
import { applyOverrides, type OverrideStore, type StoredOverrides } from '../domain/newsroom';

/** Lays the newsroom's saved social overrides (src/domain/newsroom) over stored CMS documents. */
export interface OverridesOverlay {
  one(stored: StoredArticle): Promise<StoredArticle>;
  many(list: StoredArticle[]): Promise<StoredArticle[]>;
}

export function createOverlay(overrides: OverrideStore): OverridesOverlay {
  return {
    async one(stored) {
      const o = await overrides.get(stored.article.id);
      return o ? { ...stored, article: applyOverrides(stored.article, o.overrides) } : stored;
    },
    async many(list) {
      if (list.length === 0) return list;
      const found = await overrides.getMany(list.map((s) => s.article.id));
      return list.map((s) => {
        const o = found.get(s.article.id);
        return o ? { ...s, article: applyOverrides(s.article, o.overrides) } : s;
      });
    },
  };
}

/**
 * The article store as every public reader sees it: each article with the newsroom's social overrides
 * on top. Writes go to the CMS's document only, so a CMS `PUT` never wipes an override. The CMS's own
 * API reads and writes the store underneath (its document, never the overlay), and publishing overlays
 * what it plans with (src/services/publishing.ts). `atUrl`, when given, reads the article at a URL
 * and its overrides in one statement (src/adapters/d1-article-at-url.ts).
 */
export function withOverrides(
  store: ArticleStore,
  overrides: OverrideStore,
  atUrl?: (url: string) => Promise<{ stored: StoredArticle; overrides?: StoredOverrides } | undefined>,
): ArticleStore {
  const overlay = createOverlay(overrides);
  const maybe = async (stored: StoredArticle | undefined) => (stored ? overlay.one(stored) : stored);
  async function overlayResult(r: UpsertResult): Promise<UpsertResult> {
    const previous = await maybe(r.previous);
    return { ...r, stored: await overlay.one(r.stored), ...(previous ? { previous } : {}) };
  }
  return {
    ...store,
    get: async (id) => maybe(await store.get(id)),
    async getByUrl(url) {
      if (!atUrl) return maybe(await store.getByUrl(url));
      // One read for both (every proxied page in edge mode that is not remembered makes it).
      const found = await atUrl(url);
      if (!found) return undefined;
      return found.overrides ? { ...found.stored, article: applyOverrides(found.stored.article, found.overrides.overrides) } : found.stored;
    },
    upsert: async (article) => overlayResult(await store.upsert(article)),
    upsertMany: async (articles) => Promise.all((await store.upsertMany(articles)).map(overlayResult)),
    delete: (id) => store.delete(id),
    list: async (options) => {
      const page = await store.list(options);
      return { ...page, items: await overlay.many(page.items) };
    },
    ping: () => store.ping(),
  };
}
