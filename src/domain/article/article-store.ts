import type { Article, StoredArticle } from './article';

export interface ArticlePage {
  items: StoredArticle[];
  /** Opaque cursor for the next page; absent on the last page. */
  nextCursor?: string;
}

export interface UpsertResult {
  stored: StoredArticle;
  created: boolean;
  /** False when the document was identical to the stored one: nothing was written. */
  changed: boolean;
  previous?: StoredArticle;
}

/** One article of a write whose canonical URL another CMS article already has. */
export interface UrlConflict {
  /** Position of the article in the write (0 for a single PUT). */
  index: number;
  url: string;
  /** The article that holds the URL. */
  otherId: string;
}

/**
 * A CMS write would give a canonical URL to a second article: oEmbed and edge mode look articles up by
 * URL and could then pick either. Nothing was written (a 409 for the caller). An article edge mode
 * extracted (`source: extracted`) never conflicts: a CMS push replaces it.
 */
export class UrlConflictError extends Error {
  override name = 'UrlConflictError';
  constructor(readonly conflicts: UrlConflict[]) {
    super(conflicts.map((c) => `${c.url} belongs to article ${c.otherId}`).join('; '));
  }
}

/** A list cursor this store did not issue (or one that was tampered with): a 400 for the caller. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

/**
 * Port for article persistence; src/adapters/d1-article-store.ts implements it over D1. Errors:
 * `list` throws InvalidCursorError for a cursor it did not issue; anything else thrown is a storage
 * failure (a 5xx, or a fallback where a route has one).
 */
export interface ArticleStore {
  get(id: string): Promise<StoredArticle | undefined>;
  getByUrl(url: string): Promise<StoredArticle | undefined>;
  /**
   * A CMS push: stored as `source: cms`, replacing an extracted article with the same id or URL.
   * Throws UrlConflictError when another CMS article has the URL.
   */
  upsert(article: Article): Promise<UpsertResult>;
  /**
   * An article edge mode built from the origin page. Never overwrites a CMS article (same id or same
   * URL); resolves to whether anything was written (false also when nothing changed).
   */
  saveExtracted(article: Article, provenance: Readonly<Record<string, string>>): Promise<boolean>;
  /**
   * Removes the extracted article at a canonical URL (origin says its page is gone); never a CMS
   * article. Resolves to whether a row was removed.
   */
  removeExtracted(url: string): Promise<boolean>;
  /** All or nothing: either every article is written or none is (UrlConflictError: none). */
  upsertMany(articles: Article[]): Promise<UpsertResult[]>;
  delete(id: string): Promise<StoredArticle | undefined>;
  /** `headlineContains` matches headline or social headline (case-insensitive for ASCII). `visibleAt` (UTC ISO) leaves out articles whose `embargoUntil` is later. */
  list(options: { limit: number; cursor?: string; publishedOnly?: boolean; visibleAt?: string; headlineContains?: string }): Promise<ArticlePage>;
  /** Touches the database: resolves when it answers (health checks). */
  ping(): Promise<void>;
}
