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

/**
 * The canonical URL an extracted article's id stands for, when the id can be read back: the slug's
 * hyphens as `/` on the host of a pattern (`x-english-articles-20260320-p2a-00m-0na-011000c` gives
 * `https://mainichi.jp/english/articles/20260320/p2a/00m/0na/011000c`), kept only when that URL matches
 * an article pattern and gives exactly this id back; else undefined. An id is not a reversible
 * encoding: a path that had `-`, `.`, `_` or capitals, or was long enough to be fingerprinted, reads
 * back as another path, which origin answers with a 404 (remembered as not an article). Used when a card is
 * asked for by the id of an article this deployment does not hold (docs/edge-mode.md).
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
