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

/**
 * The canonical URL an extracted article's id stands for, when the id can be read back: the slug's
 * hyphens as `/` on the host of a pattern (`x-english-articles-20260320-p2a-00m-0na-011000c` gives
 * `https://mainichi.jp/english/articles/20260320/p2a/00m/0na/011000c`), kept only when that URL matches
 * an article pattern and gives exactly this id back; else undefined. An id is not a reversible
 * encoding: a path that had `-`, `.`, `_` or capitals, or was long enough to be fingerprinted, reads
 * back as another path, which origin answers with a 404 (remembered as not an article). Used when a
 * card is asked for by the id of an article this deployment does not hold (docs/edge-mode.md).
 */
export function canonicalUrlForExtractedId(id: string, hosts: readonly string[], matchesCanonical: (url: string) => boolean): string | undefined {
  if (!/^x-[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || id.length > 128) return undefined;
  const path = `/${id.slice(2).replace(/-/g, '/')}`;
  for (const host of hosts) {
    const url = `https://${host}${path}`;
    if (matchesCanonical(url) && extractedArticleId(url) === id) return url;
  }
  return undefined;
}
