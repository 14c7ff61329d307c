import type { CardTemplate } from './card-variants';

/** What is recorded with a stored card, so cards can be listed and deleted by article. */
export interface CardObjectMeta {
  contentType: 'image/png' | 'image/jpeg';
  articleId: string;
  variant: string;
  hash: string;
  template: CardTemplate;
}

export interface CardObject {
  body: ReadableStream<Uint8Array>;
  size: number;
  contentType: string;
}

/** Port for rendered cards keyed by content hash; src/storage/r2-card-store.ts implements it over R2. */
export interface CardObjectStore {
  get(key: string): Promise<CardObject | undefined>;
  has(key: string): Promise<boolean>;
  put(key: string, bytes: Uint8Array, meta: CardObjectMeta): Promise<void>;
  /** Deletes an article's cards except the keys in `keep`; answers how many were deleted. */
  deleteArticle(articleId: string, keep?: readonly string[]): Promise<number>;
}
