// twitter-text's ESM build exports one default object (its named exports exist only in the CJS build).
import twitterText from 'twitter-text';
import { graphemeLength, truncateText } from '../typography';

/** What a network's composer counts: a measure of a text in that network's units. */
export type TextMeasure = (text: string) => number;

/** X shortens every URL with t.co and counts it as this many characters (twitter-text v3 config). */
export const X_URL_WEIGHT = 23;
/** X's limit in weighted characters (twitter-text v3 `maxWeightedTweetLength`). */
export const X_MAX_WEIGHT = 280;

/**
 * The length X counts for a post: twitter-text's own `parseTweet().weightedLength` (v3 config), which
 * normalises to NFC, weighs CJK as 2 and each emoji as 2, and counts every URL as 23, bare domains such
 * as `Bsky.app` included. Counting by hand missed those and let X refuse the post.
 */
export function xWeightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

/** True when X accepts the post: within 280, not empty, no character twitter-text calls invalid. */
export function isValidXPost(text: string): boolean {
  return twitterText.parseTweet(text).valid;
}

/** X's weight of a post, Infinity when X would refuse it whatever its length (one parse: the fitting loop's measure). */
export function xPostWeight(text: string): number {
  const parsed = twitterText.parseTweet(text);
  return parsed.valid || parsed.weightedLength > X_MAX_WEIGHT ? parsed.weightedLength : Infinity;
}

// twitter-text's invalid characters (U+FFFE, U+FEFF BOM, U+FFFF): a post holding one is refused.
const X_INVALID = /[\uFFFE\uFEFF\uFFFF]/g;

/** Share text without characters a network refuses; the BOM and non-characters carry no meaning. */
export function shareableText(text: string): string {
  return text.replace(X_INVALID, '');
}

/** Unicode code points: what Mastodon's and Threads' counters count (`Array.from(text).length`). */
export const codePointLength: TextMeasure = (text) => [...text].length;

/** Graphemes: what Bluesky counts (app.bsky.feed.post `text` maxGraphemes 300). */
export const graphemeMeasure: TextMeasure = graphemeLength;

/** Bluesky's limits of a post's text (app.bsky.feed.post lexicon: maxGraphemes 300, maxLength 3000 UTF-8 bytes). */
export const BLUESKY_LIMITS = { graphemes: 300, bytes: 3000 } as const;

const utf8 = new TextEncoder();

/**
 * What Bluesky counts: graphemes (Intl.Segmenter, as the app's composer does); Infinity when the text
 * is over the lexicon's byte limit, which a run of long ZWJ emoji sequences reaches first.
 */
export const blueskyLength: TextMeasure = (text) =>
  utf8.encode(text).byteLength > BLUESKY_LIMITS.bytes ? Infinity : graphemeLength(text);

/** True when Bluesky accepts the text of a post. */
export function isValidBlueskyPost(text: string): boolean {
  return blueskyLength(text) <= BLUESKY_LIMITS.graphemes;
}

/**
 * The longest truncation of `text` (whole words where the script has spaces, with an ellipsis) whose
 * `measure` is at most `budget`. Empty when not even one character and the ellipsis fit.
 */
export function fitShareText(text: string, budget: number, measure: TextMeasure, lang?: string): string {
  // Text that fits is kept as written (a Japanese headline's full-width space stays one).
  if (measure(text) <= budget) return text;
  const clean = text.replace(/\s+/g, ' ').trim();
  let lo = 2;
  let hi = graphemeLength(clean) - 1;
  let best = '';
  // truncateText keeps at most n graphemes; find the largest n whose result still fits.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = truncateText(clean, mid, lang);
    if (measure(candidate) <= budget) {
      best = candidate;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

/**
 * A tag as an X hashtag body (without `#`): words joined in camel case, letters, digits and
 * underscores only, so "Trump-Kim summit" becomes "TrumpKimSummit". Undefined when nothing usable
 * remains or the result has no letter (X does not link all-digit hashtags).
 */
export function hashtagFor(tag: string): string | undefined {
  const words = tag.normalize('NFKC').split(/[^\p{L}\p{M}\p{N}_]+/u).filter(Boolean);
  const body = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  if (!body || !/\p{L}/u.test(body)) return undefined;
  return body;
}
