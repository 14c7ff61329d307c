import type { Article } from './article';

/**
 * Who is asking for an article: `public` is every crawler, reader and embedding site; `staff` is the
 * CMS (ingest token) and the newsroom.
 */
export type Audience = 'public' | 'staff';

/**
 * The one visibility policy: drafts are invisible to the public on every route (pages, cards, oEmbed,
 * embeds, share links, metadata); staff see every article. Routes never test `status` themselves.
 */
export function isVisibleTo(article: Article, audience: Audience): boolean {
  return audience === 'staff' || article.status === 'published';
}

/** The same policy as a list filter, for stores that select in SQL. */
export function listFilterFor(audience: Audience): { publishedOnly: boolean } {
  return { publishedOnly: audience === 'public' };
}
