import type { Article, ArticlePage, StoredArticle } from '../domain/article';
import { isEmbargoed } from '../domain/article';
import type { ArticleAccess } from './article-access';

/** One article as the newsroom list shows it. */
export interface NewsroomListItem {
  stored: StoredArticle;
  embargoed: boolean;
}

export interface NewsroomDeps {
  articles: ArticleAccess;
  now?: () => Date;
}

/** The newsroom's reads: every article, drafts and embargoed ones included (audience `staff`). */
export interface Newsroom {
  /** Newest first; `query` matches the headline. Throws InvalidCursorError for a foreign cursor. */
  list(options: { limit: number; cursor?: string | undefined; query?: string | undefined }): Promise<{ items: NewsroomListItem[]; nextCursor?: string }>;
  find(id: string): Promise<StoredArticle | undefined>;
  embargoed(article: Article): boolean;
  /** Warnings by severity for the list (empty until the preview is computed). */
  warningCounts(article: Article): Promise<{ warnings?: { error: number; warning: number; info: number } }>;
}

export function createNewsroom(deps: NewsroomDeps): Newsroom {
  const now = deps.now ?? (() => new Date());
  return {
    async list({ limit, cursor, query }) {
      const page: ArticlePage = await deps.articles.list({ limit, cursor, audience: 'staff', headlineContains: query?.trim() || undefined });
      return {
        items: page.items.map((stored) => ({ stored, embargoed: isEmbargoed(stored.article, now()) })),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    },
    find: (id) => deps.articles.find(id, 'staff'),
    embargoed: (article) => isEmbargoed(article, now()),
    warningCounts: async () => ({}),
  };
}
