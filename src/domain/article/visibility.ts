import type { Article } from './article';

/**
 * Who is asking for an article: `public` is every crawler, reader and embedding site; `staff` is the
 * CMS (ingest token) and the newsroom; `prerender` is the render queue, which warms the cards of
 * published articles, embargoed ones included, so the first crawler after the embargo finds them.
 */
export type Audience = 'public' | 'staff' | 'prerender';

/** True while an embargo holds at `now`. */
export function isEmbargoed(article: Article, now: Date): boolean {
  return article.embargoUntil !== undefined && Date.parse(article.embargoUntil) > now.getTime();
}

/**
 * The one visibility policy: drafts, and published articles still under embargo, are invisible to the
 * public on every route (pages, cards, oEmbed, embeds, share links, metadata); staff see every article.
 * Routes never test `status` or `embargoUntil` themselves. `now` is the caller's clock.
 */
export function isVisibleTo(article: Article, audience: Audience, now: Date = new Date()): boolean {
  if (audience === 'staff') return true;
  if (article.status !== 'published') return false;
  return audience === 'prerender' || !isEmbargoed(article, now);
}

/**
 * The same policy as a list filter, for stores that select in SQL: `visibleAt` (UTC ISO) hides articles
 * whose `embargoUntil` is later.
 */
export function listFilterFor(audience: Audience, now: Date = new Date()): { publishedOnly: boolean; visibleAt?: string } {
  if (audience === 'staff') return { publishedOnly: false };
  return audience === 'public' ? { publishedOnly: true, visibleAt: now.toISOString() } : { publishedOnly: true };
}
