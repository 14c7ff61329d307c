import type { Article, ValidationIssue } from '../article';
import { fingerprint } from '../edge';

/** The namespace of extracted articles' ids (docs/edge-mode.md). */
export const EXTRACTED_ID_PREFIX = 'x-';

/**
 * The id of an article built from its page, within ARTICLE_ID_PATTERN, one per canonical URL:
 * - a path of lower-case letters and digits between single slashes reads as `x-` and the path as a
 *   slug (`/english/articles/20260320/p2a/00m/0na/011000c` gives
 *   `x-english-articles-20260320-p2a-00m-0na-011000c`), which canonicalUrlForExtractedId reads back;
 * - any other path (hyphens, dots, capitals, other characters, a trailing slash, or too long) gives
 *   the slug, shortened to fit, then `--` and a fingerprint of the whole URL. The slug is lossy
 *   (`/a-b` and `/a/b` share one), the fingerprint tells such URLs apart, and `--` never occurs in an
 *   id of the first kind, so the two kinds never meet.
 */
export function extractedArticleId(canonicalUrl: string): string {
  const path = new URL(canonicalUrl).pathname;
  const slug = path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'home';
  const id = `${EXTRACTED_ID_PREFIX}${slug}`;
  if (READABLE_PATH.test(path) && id.length <= 128) return id;
  // Two 32-bit FNV-1a fingerprints, of the URL and of the URL with a separator: 64 bits in all.
  const tag = `--${fingerprint(canonicalUrl)}${fingerprint(`${canonicalUrl}\u0000`)}`;
  return `${id.slice(0, 128 - tag.length).replace(/-+$/, '')}${tag}`;
}

/** Paths whose slug reads back as themselves: lower-case letters and digits between single slashes. */
const READABLE_PATH = /^(\/[a-z0-9]+)+$/;

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
 * back as another path, which origin answers with a 404 (remembered as not an article); ids with a
 * fingerprint (`--`) are not read back at all. Used when a
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
