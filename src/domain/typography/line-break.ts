/**
 * Where a headline may break. Latin and Hangul text breaks only at spaces (never inside a word; Korean
 * headlines are set keep-all, as Korean papers do). Chinese and Japanese text may break between any two
 * characters except where the Japanese line-breaking rules (JIS X 4051 kinsoku, W3C "Requirements for
 * Japanese Text Layout" §3.1.7) forbid it: no line starts with closing brackets, small kana, iteration
 * marks or punctuation such as 、。」, and no line ends with an opening bracket. Chinese follows the same
 * rules for its punctuation (W3C "Requirements for Chinese Text Layout" §3.1.7).
 */

/** A piece of text that is never split, with the spaces after it (dropped when a line ends there). */
export interface BreakUnit {
  text: string;
  space: string;
}

// Characters that may not start a line (gyoto kinsoku), including their Chinese and ASCII forms.
const NO_START = new Set([
  ...')]}）］｝〕〉》」』】〙〗〟’”｠»›',
  ...'、。，．,.・：；:;！？!?‼⁇⁈⁉',
  ...'ヽヾゝゞ々〻ー〜～‐゠–',
  ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ',
  ...'…‥%％‰℃°′″',
]);

// Characters that may not end a line (gyomatsu kinsoku).
const NO_END = new Set([...'([{（［｛〔〈《「『【〘〖〝‘“｟«‹$¥£€＄￥']);

// Scripts set without spaces between words: a break is allowed next to any of these characters.
const CLOSE_SET = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const SPACE = /^[ \u3000]$/;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function canBreakBetween(before: string, after: string): boolean {
  if (SPACE.test(after)) return false; // spaces hang at the end of the unit before them
  if (NO_START.has(after[0]!)) return false;
  if (NO_END.has(before.at(-1)!)) return false;
  if (SPACE.test(before)) return true;
  return CLOSE_SET.test(before) || CLOSE_SET.test(after);
}

/** Splits text into the units a line breaker may place on separate lines. */
export function breakUnits(text: string): BreakUnit[] {
  // Collapse runs of white space as CSS `white-space: normal` does; keep the ideographic space, which
  // Japanese headlines use as a deliberate separator.
  const clean = text.replace(/[\t\n\r\f\v ]+/g, ' ').trim();
  const units: BreakUnit[] = [];
  let current = '';
  let previous = '';
  for (const { segment } of graphemes.segment(clean)) {
    if (previous && canBreakBetween(previous, segment)) {
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
