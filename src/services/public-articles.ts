import { isVisibleTo, type StoredArticle } from '../domain/article';
import type { ArticleAccess } from './article-access';
import type { EdgeService } from './edge';

/**
 * The articles the public may see, as cards and oEmbed look them up: the store's, and in edge mode
 * also the ones built on demand from the publisher's origin (docs/edge-mode.md, "Articles the store
 * does not know"). Every answer passes the one visibility policy (domain/article/visibility.ts), so a
 * draft or an embargoed article stays unseen however it was found.
 */
export interface PublicArticles {
  /**
   * By id. In edge mode an extracted article's id (`x-…`) the store does not hold is read back to its
   * canonical URL and answered with the article stored there (a CMS push may have replaced it under
   * another id) or extracted from origin now; the caller compares ids to redirect.
   */
  find(id: string, options?: FindOptions): Promise<StoredArticle | undefined>;
  /** By canonical URL (normalised). In edge mode an article-pattern URL the store lacks is extracted from origin now. */
  findByUrl(url: string, options?: FindOptions): Promise<StoredArticle | undefined>;
}

export interface FindOptions {
  /**
   * Asked before an article is built from origin (edge mode), e.g. the route's extraction rate limit
   * per client; refused, the lookup throws ExtractionRateLimited (src/domain/operations).
   */
  admitExtraction?: () => Promise<boolean>;
}

export function createPublicArticles(deps: { articles: ArticleAccess; edge?: EdgeService | undefined; now: () => Date }): PublicArticles {
  const { articles, edge } = deps;
  const visible = (stored: StoredArticle | undefined) => (stored && isVisibleTo(stored.article, 'public', deps.now()) ? stored : undefined);
  return {
    async find(id, options) {
      const stored = await articles.find(id, 'public');
      if (stored || !edge) return stored;
      return visible(await edge.articleForId(id, options?.admitExtraction));
    },
    async findByUrl(url, options) {
      const stored = await articles.findByUrl(url, 'public');
      if (stored || !edge) return stored;
      return visible(await edge.articleFor(url, options?.admitExtraction));
    },
  };
}
