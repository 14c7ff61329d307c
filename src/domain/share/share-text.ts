import { graphemeLength, isEmojiGrapheme, truncateText } from '../typography';

/** What a network's composer counts: a measure of a text in that network's units. */
export type TextMeasure = (text: string) => number;

/** X shortens every URL with t.co and counts it as this many characters (twitter-text v3 config). */
export const X_URL_WEIGHT = 23;
/** X's limit in weighted characters (twitter-text v3 `maxWeightedTweetLength`). */
export const X_MAX_WEIGHT = 280;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// twitter-text v3 config: code points in these ranges weigh 1, every other code point 2 (so CJK text
// gets 140 characters), and each emoji counts 2 whatever its length in code points.
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 4351], [8192, 8205], [8208, 8223], [8242, 8247],
];

function isLight(codePoint: number): boolean {
  return LIGHT_RANGES.some(([start, end]) => codePoint >= start && codePoint <= end);
}

/**
 * The length X counts for a text without URLs (twitter-text v3 `parseTweet().weightedLength`, which
 * normalises to NFC first). Emoji are found per grapheme, so a ZWJ family counts 2 as it does on X.
 */
export function xWeightedLength(text: string): number {
  let weight = 0;
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    if (isEmojiGrapheme(segment)) {
      weight += 2;
      continue;
    }
    for (const ch of segment) weight += isLight(ch.codePointAt(0)!) ? 1 : 2;
  }
  return weight;
}

/** Unicode code points: what Mastodon's and Threads' counters count (`Array.from(text).length`). */
export const codePointLength: TextMeasure = (text) => [...text].length;

/** Graphemes: what Bluesky counts (app.bsky.feed.post `text` maxGraphemes 300). */
export const graphemeMeasure: TextMeasure = graphemeLength;

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
