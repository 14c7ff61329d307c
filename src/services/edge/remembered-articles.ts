import type { ArticleStore, StoredArticle } from '../../domain/article';
import type { OverrideStore } from '../../domain/newsroom';

/**
 * Edge mode's memory of the article at each canonical URL, per isolate, for a few seconds
 * (EDGE_ARTICLE_CACHE_TTL; docs/edge-mode.md, "Cost per page"). Every proxied page view needs the
 * article (with the newsroom's overrides) at its URL; reading D1 for each was most of edge mode's own
 * cost per page, and on Cloudflare's network a D1 read crosses to the database's location [D1]. A
 * popular article is read once per isolate per TTL instead.
 *
 * Freshness: any write to articles or overrides made in this isolate forgets everything remembered
 * (`forgetRememberedArticles`, wired to every store write by the composition root), so a push or a
 * newsroom save shows at once where it was made; other isolates show it within the TTL. A read that a
 * write overtook is not remembered.
 *
 * Only settled values are kept, never a read in flight: a request awaiting another request's promise
 * would resume in that request's context (docs/platforms.md, "Cloudflare Workers runtime"), so
 * concurrent first views each read.
 *
 * [D1] Cloudflare D1, Global read replication: https://developers.cloudflare.com/d1/best-practices/read-replication/
 */
type Entry = { until: number; generation: number; value: StoredArticle | undefined };

// Per database binding, so two environments in one isolate (tests) never see each other's articles.
const remembered = new WeakMap<object, Map<string, Entry>>();
let generation = 0;
// Few articles are popular at once; each entry may hold a whole document (parsed rows are shared with
// the article store's own bounded cache when there are no overrides).
const ENTRIES = 256;

/** Forgets every remembered article; called after each write to articles or overrides. */
export function forgetRememberedArticles(): void {
  generation++;
}

/**
 * `read` with its answers remembered for `ttlMs` per URL within `scope` (the database binding);
 * `ttlMs <= 0` returns `read` itself. `now` in ms.
 */
export function rememberArticlesByUrl(
  scope: object,
  read: (url: string) => Promise<StoredArticle | undefined>,
  ttlMs: number,
  now: () => number,
): (url: string) => Promise<StoredArticle | undefined> {
  if (ttlMs <= 0) return read;
  return async (url) => {
    let entries = remembered.get(scope);
    if (!entries) remembered.set(scope, (entries = new Map()));
    const at = now();
    const known = entries.get(url);
    if (known && known.until > at && known.generation === generation) return known.value;
    const readFrom = generation;
    const value = await read(url);
    if (generation === readFrom) {
      entries.delete(url);
      if (entries.size >= ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(url, { until: at + ttlMs, generation: readFrom, value });
    }
    return value;
  };
}

/** The article store, with every write followed by `forgetRememberedArticles()`. */
export function forgettingOnWrite(store: ArticleStore): ArticleStore {
  const after = <A extends unknown[], R>(write: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    try {
      return await write(...args);
    } finally {
      forgetRememberedArticles();
    }
  };
  return {
    ...store,
    upsert: after(store.upsert.bind(store)),
    upsertMany: after(store.upsertMany.bind(store)),
    saveExtracted: after(store.saveExtracted.bind(store)),
    removeExtracted: after(store.removeExtracted.bind(store)),
    delete: after(store.delete.bind(store)),
  };
}

/** The override store, with every save followed by `forgetRememberedArticles()`. */
export function overridesForgettingOnWrite(store: OverrideStore): OverrideStore {
  return {
    ...store,
    async put(...args) {
      try {
        return await store.put(...args);
      } finally {
        forgetRememberedArticles();
      }
    },
  };
}
