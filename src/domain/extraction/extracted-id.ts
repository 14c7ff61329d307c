import { fingerprint } from '../edge';

/**
 * The id of an article built from its page: `x-` and the canonical URL's path as a slug
 * (`/english/articles/20260320/p2a/00m/0na/011000c` gives `x-english-articles-20260320-p2a-00m-0na-011000c`),
 * within ARTICLE_ID_PATTERN. Long paths keep their start and a fingerprint of the whole URL.
 */
export function extractedArticleId(canonicalUrl: string): string {
  const path = new URL(canonicalUrl).pathname.toLowerCase();
  const slug = path.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'home';
  const id = `x-${slug}`;
  return id.length <= 128 ? id : `${id.slice(0, 110).replace(/-+$/, '')}-${fingerprint(canonicalUrl)}`;
}
