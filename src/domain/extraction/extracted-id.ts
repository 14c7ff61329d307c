import type { Article, ValidationIssue } from '../article';
import { fingerprint } from '../edge';

/** The namespace of extracted articles' ids (docs/edge-mode.md). */
export const EXTRACTED_ID_PREFIX = 'x-';

/**
 * The id of an article built from its page: `x-` and the canonical URL's path as a slug
 * (`/english/articles/20260320/p2a/00m/0na/011000c` gives `x-english-articles-20260320-p2a-00m-0na-011000c`),
 * within ARTICLE_ID_PATTERN. Long paths keep their start and a fingerprint of the whole URL.
 */
export function extractedArticleId(canonicalUrl: string): string {
  const path = new URL(canonicalUrl).pathname.toLowerCase();
  const slug = path.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'home';
  const id = `${EXTRACTED_ID_PREFIX}${slug}`;
  return id.length <= 128 ? id : `${id.slice(0, 110).replace(/-+$/, '')}-${fingerprint(canonicalUrl)}`;
}

/**
 * The issue with an article the CMS pushes under an id of the extracted namespace, or undefined. Such
 * a push takes the extracted article over only for the URL that id was made from; under another URL
 * it would replace the extracted article with another page's document, and the page it was extracted
 * from would lose its tags. (A CMS may also take an extracted article over by pushing its URL under
 * an id of its own.)
 */
export function pushedIdIssue(article: Pick<Article, 'id' | 'url'>, pointer = '/id'): ValidationIssue | undefined {
  if (!article.id.startsWith(EXTRACTED_ID_PREFIX) || extractedArticleId(article.url) === article.id) return undefined;
  return { pointer, message: `ids starting with "${EXTRACTED_ID_PREFIX}" are reserved for articles edge mode extracts; this one belongs to another URL` };
}
