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

/** Port for article persistence; src/storage/d1-article-store.ts implements it over D1. */
export interface ArticleStore {
  get(id: string): Promise<StoredArticle | undefined>;
  getByUrl(url: string): Promise<StoredArticle | undefined>;
  upsert(article: Article): Promise<UpsertResult>;
  /** All or nothing: either every article is written or none is. */
  upsertMany(articles: Article[]): Promise<UpsertResult[]>;
  delete(id: string): Promise<StoredArticle | undefined>;
  list(options: { limit: number; cursor?: string; publishedOnly?: boolean }): Promise<ArticlePage>;
}
