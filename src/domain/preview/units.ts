import { breakUnits, isEmojiGrapheme, type BreakUnit } from '../typography';

/**
 * The units networks count text in: code points (most servers), graphemes (user-perceived characters,
 * Bluesky), UTF-8 bytes (Discord, observed), UTF-16 code units (JavaScript `length`).
 */
export type CountUnit = 'code-points' | 'graphemes' | 'utf8-bytes' | 'utf16';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const encoder = new TextEncoder();
const segments = (text: string) => Array.from(graphemes.segment(text), (s) => s.segment);

/** The length of `text` in `unit`. A lone surrogate counts as U+FFFD would (3 UTF-8 bytes). */
export function measure(text: string, unit: CountUnit): number {
  switch (unit) {
    case 'code-points': return [...text].length;
    case 'graphemes': return segments(text).length;
    case 'utf8-bytes': return encoder.encode(text).length;
    case 'utf16': return text.length;
  }
}

export interface Truncation {
  text: string;
  truncated: boolean;
  /** Length of the original in the rule's unit. */
  length: number;
}

/**
 * Cuts `text` to at most `max` units, never inside a grapheme (an emoji ZWJ sequence or a base with its
 * combining marks stays whole), then appends `ellipsis`. `ellipsisCounts`: whether the ellipsis is
 * inside the budget (true for most networks) or added after it (Discord's observed "67 bytes + ...").
 * Whitespace at the cut is dropped.
 */
export function truncateTo(text: string, max: number, unit: CountUnit, ellipsis = '…', ellipsisCounts = true): Truncation {
  const length = measure(text, unit);
  if (length <= max) return { text, truncated: false, length };
  const budget = Math.max(0, max - (ellipsisCounts ? measure(ellipsis, unit) : 0));
  let out = '';
  let used = 0;
  for (const g of segments(text)) {
    const size = measure(g, unit);
    if (used + size > budget) break;
    out += g;
    used += size;
  }
  return { text: out.replace(/[\s\u3000]+$/u, '') + ellipsis, truncated: true, length };
}

// East Asian Wide and Fullwidth ranges (UAX #11), approximated by script and block.
const WIDE = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;

/**
 * Width of `text` set at `fontPx`, in px. The newsroom passes the advance widths of the bundled sans
 * faces (Source Sans 3 and the Noto Sans faces of each script, the card renderer's own measurer,
 * src/render/fonts.ts; an emoji is 1 em, as cards draw it); `estimatedWidthPx` is the fallback when
 * no fonts are at hand (docs/newsroom.md, "Lines at a pixel width").
 */
export type MeasureWidth = (text: string, fontPx: number) => number;

/**
 * Estimated advance of a grapheme in em, for system sans-serif UI fonts: wide characters 1 em, emoji
 * 1.2, upper-case Latin 0.65, lower-case and digits 0.53, narrow punctuation 0.3, space 0.28. Used only
 * where no font is loaded (pure callers, tests of the rules themselves).
 */
export function graphemeWidthEm(g: string): number {
  if (g === ' ') return 0.28;
  if (isEmojiGrapheme(g)) return 1.2;
  if (WIDE.test(g)) return 1;
  if (/^[\p{Lu}]/u.test(g)) return 0.65;
  if (/^[\p{Ll}\p{N}]/u.test(g)) return 0.53;
  if (/^[.,:;'’!|il()\-]/u.test(g)) return 0.3;
  return 0.6;
}

export const textWidthPx: MeasureWidth = (text, fontPx) => segments(text).reduce((w, g) => w + graphemeWidthEm(g) * fontPx, 0);
export const estimatedWidthPx = textWidthPx;

// One preview sets the same title for a dozen networks: the line-break opportunities (UAX #14) of the
// last few texts are kept rather than found again for each.
const recentUnits = new Map<string, BreakUnit[]>();
function unitsOf(text: string): BreakUnit[] {
  let units = recentUnits.get(text);
  if (!units) {
    if (recentUnits.size >= 32) recentUnits.clear();
    recentUnits.set(text, (units = breakUnits(text)));
  }
  return units;
}

/**
 * Sets `text` in lines `widthPx` wide (breaking where line-break rules allow: spaces in Latin and Hangul,
 * between characters in Chinese and Japanese, with kinsoku) and clamps it to `maxLines`, ending the last
 * line with `…` as CSS `-webkit-line-clamp` does. A unit wider than a line is split between graphemes.
 * Widths come from `measureWidth` (px at `fontPx`).
 */
export function clampLines(text: string, widthPx: number, fontPx: number, maxLines: number, measureWidth: MeasureWidth = estimatedWidthPx): Truncation & { lines: string[] } {
  const lines: string[] = [];
  // The separator the text had at each line break: a space in Latin text, nothing in CJK.
  const seps: string[] = [];
  let line = '';
  let pendingSpace = '';
  const push = () => { lines.push(line); seps.push(pendingSpace ? ' ' : ''); line = ''; pendingSpace = ''; };
  const joined = (ls: string[]) => ls.map((l, i) => (i === 0 ? l : seps[i - 1] + l)).join('');
  // A line is measured whole (as the browser sets it), not as a sum of rounded parts.
  const fits = (candidate: string) => measureWidth(candidate, fontPx) <= widthPx;
  for (const unit of unitsOf(text)) {
    if (line && !fits(line + pendingSpace + unit.text)) push();
    if (!line && !fits(unit.text)) {
      for (const g of segments(unit.text)) {
        if (line && !fits(line + g)) push();
        pendingSpace = '';
        line += g;
      }
    } else {
      line += (line ? pendingSpace : '') + unit.text;
    }
    pendingSpace = unit.space;
  }
  if (line) lines.push(line);
  const length = lines.length;
  if (length <= maxLines) return { text: joined(lines), truncated: false, length, lines };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && !fits(last.replace(/[\s\u3000]+$/u, '') + '…')) last = segments(last).slice(0, -1).join('');
  kept[maxLines - 1] = last.replace(/[\s\u3000]+$/u, '') + '…';
  return { text: joined(kept), truncated: true, length, lines: kept };
}
