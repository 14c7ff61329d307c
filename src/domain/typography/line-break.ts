/**
 * Where a headline may break: the Unicode Line Breaking Algorithm (UAX #14, through the `linebreak`
 * library) with the tailorings East Asian typography asks for. On top of UAX #14:
 *
 * - no line starts with closing brackets, closing punctuation, middle dots (U+00B7, U+30FB), small kana,
 *   iteration marks or the prolonged sound mark, and none ends with an opening bracket (W3C "Requirements
 *   for Japanese Text Layout" §3.1.7 kinsoku; "Requirements for Chinese Text Layout" §3.1.7);
 * - Hangul is set keep-all, breaking only at spaces, as Korean papers do ("Requirements for Hangul Text
 *   Layout" §3.1.1 allows both);
 * - a hyphen between two letters offers no break, so compounds such as "Trump-Kim" stay whole;
 * - text of the scripts UAX #14 leaves to a dictionary (class SA: Thai, Lao, Khmer, Myanmar) breaks at
 *   the word boundaries of `Intl.Segmenter` (UAX #14 §5.2 LB1).
 *
 * Format characters keep their UAX #14 meaning: a zero-width space (ZW) and a soft hyphen (BA) offer a
 * break, a word joiner (WJ) and a BOM forbid one. Breaks fall only between grapheme clusters.
 * See docs/text-rendering.md.
 */
import LineBreaker from 'linebreak';

/** A piece of text that is never split, with the spaces after it (dropped when a line ends there). */
export interface BreakUnit {
  text: string;
  space: string;
}

// Characters that may not start a line (gyoto kinsoku), including their Chinese and ASCII forms.
const NO_START = new Set([
  ...')]}）］｝〕〉》」』】〙〗〟’”｠»›',
  ...'、。，．,.・･·：；:;！？!?‼⁇⁈⁉',
  ...'ヽヾゝゞ々〻ー〜～‐゠–',
  ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ',
  ...'…‥%％‰℃°′″',
]);

// Characters that may not end a line (gyomatsu kinsoku).
const NO_END = new Set([...'([{（［｛〔〈《「『【〘〖〝‘“｟«‹$¥£€＄￥']);

const SPACE = /^[ \u3000]+$/;
const HANGUL = /\p{Script=Hangul}/u;
const LETTER = /\p{L}/u;
/** Line-break class SA (complex context): scripts without spaces between words. */
const COMPLEX_CONTEXT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** UTF-16 offsets, strictly inside `text`, where UAX #14 allows a line to end. */
function uax14Breaks(text: string): Set<number> {
  const breaks = new Set<number>();
  const breaker = new LineBreaker(text);
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
    if (b.position > 0 && b.position < text.length) breaks.add(b.position);
  }
  return breaks;
}

/** Word boundaries inside runs of SA scripts, which UAX #14 resolves to AL (no break at all). */
function dictionaryBreaks(text: string, breaks: Set<number>, lang?: string): void {
  if (!COMPLEX_CONTEXT.test(text)) return;
  const words = new Intl.Segmenter(lang, { granularity: 'word' });
  for (const { index } of words.segment(text)) {
    if (index === 0) continue;
    const before = String.fromCodePoint(text.codePointAt(index - 1)!);
    const after = String.fromCodePoint(text.codePointAt(index)!);
    // Only between two SA characters: elsewhere UAX #14 already decided.
    if (COMPLEX_CONTEXT.test(text[index - 1]!) || COMPLEX_CONTEXT.test(before)) {
      if (COMPLEX_CONTEXT.test(after)) breaks.add(index);
    }
  }
}

function tailoredAllows(before: string, after: string): boolean {
  if (SPACE.test(after)) return false; // spaces hang at the end of the unit before them
  if (NO_START.has(firstVisible(after))) return false;
  if (NO_END.has(lastVisible(before))) return false;
  if (HANGUL.test(before.at(-1)!) && HANGUL.test(after[0]!)) return false;
  if (before.endsWith('-') && LETTER.test(before.at(-2) ?? '') && LETTER.test(after[0]!)) return false;
  return true;
}

// Format characters (a soft hyphen, a zero-width space) do not hide the punctuation next to them.
const firstVisible = (s: string) => [...s].find((c) => !/\p{Cf}/u.test(c)) ?? '';
const lastVisible = (s: string) => [...s].reverse().find((c) => !/\p{Cf}/u.test(c)) ?? '';

/**
 * Splits text into the units a line breaker may place on separate lines. White space collapses as in
 * CSS `white-space: normal`, except the ideographic space, which Japanese headlines use as a separator.
 * `lang` (BCP 47) picks the dictionary for SA scripts.
 */
export function breakUnits(text: string, lang?: string): BreakUnit[] {
  const clean = text.replace(/[\t\n\r\f\v ]+/g, ' ').trim();
  if (!clean) return [];
  const breaks = uax14Breaks(clean);
  dictionaryBreaks(clean, breaks, lang);
  const units: BreakUnit[] = [];
  let current = '';
  let previous = '';
  for (const { segment, index } of graphemes.segment(clean)) {
    if (previous && breaks.has(index) && tailoredAllows(current, segment)) {
      units.push(splitTrailingSpace(current));
      current = '';
    }
    current += segment;
    previous = segment;
  }
  if (current) units.push(splitTrailingSpace(current));
  return units;
}

function splitTrailingSpace(unit: string): BreakUnit {
  const match = /[ \u3000]+$/.exec(unit);
  return match ? { text: unit.slice(0, match.index), space: match[0] } : { text: unit, space: '' };
}

/** True when `char` may not begin a line (exported for tests of the rules themselves). */
export const mayNotStartLine = (char: string) => NO_START.has(char);
/** True when `char` may not end a line. */
export const mayNotEndLine = (char: string) => NO_END.has(char);
