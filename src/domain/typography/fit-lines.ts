import { drawnText, paragraphDirection, visualLine } from './card-text';
import { breakUnits, type BreakUnit } from './line-break';

/** Width in pixels of `text` set at `fontSize`. The renderer measures with the fonts the card uses. */
export type MeasureText = (text: string, fontSize: number) => number;

export interface FitOptions {
  text: string;
  /** The box the text must fit, in pixels. */
  width: number;
  height: number;
  /** Font sizes tried, largest first, in `step` pixel steps. */
  maxSize: number;
  minSize: number;
  step?: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** At most this many lines, whatever the height allows. */
  maxLines?: number;
  measure: MeasureText;
}

export interface FittedLines {
  fontSize: number;
  /** Line height in pixels. */
  lineHeight: number;
  /**
   * The lines in order, without trailing spaces, each as it is drawn: visual order (right-to-left runs
   * reversed), invisible characters removed (card-text.ts). The template sets each on its own line.
   */
  lines: string[];
  /** The paragraph's direction: a right-to-left paragraph is set flush right. */
  direction: 'ltr' | 'rtl';
  /**
   * Per line, pixels to move it inward from the edge it is set against, so that ink reaching past the
   * first (or, flush right, the last) glyph's advance box stays in the box. Set by the renderer.
   */
  indents?: number[];
  /**
   * Per line, true when the renderer must hand each grapheme to satori as a word of its own: satori
   * draws an emoji image only for a whole word, and splits words at UAX #14 break opportunities, of
   * which a keycap such as `1️⃣` before a letter has none. Set by the renderer.
   */
  graphemeWords?: boolean[];
  /** True when even the smallest size could not hold the text and it ends with an ellipsis. */
  clamped: boolean;
}

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Sets `text` at the largest size in [minSize, maxSize] at which all of it fits the box, breaking lines
 * only where line-break.ts allows. Only when the minimum size cannot hold it is the text clamped to the
 * lines that fit, ending with an ellipsis after a whole unit (a word, or a character in CJK text).
 */
export function fitLines(options: FitOptions): FittedLines {
  const { width, height, maxSize, minSize, lineHeight, measure } = options;
  const step = options.step ?? 2;
  const units = breakUnits(options.text);
  const direction = paragraphDirection(options.text);
  const visual = (line: BreakUnit[]) => visualLine(logicalText(line), direction, true);
  if (units.length === 0) return { fontSize: maxSize, lineHeight: maxSize * lineHeight, lines: [], clamped: false, direction };

  for (let size = maxSize; size >= minSize; size -= step) {
    const lines = wrapUnits(units, width, size, measure);
    const limit = linesThatFit(height, size * lineHeight, options.maxLines);
    if (lines.length <= limit) return { fontSize: size, lineHeight: size * lineHeight, lines: lines.map(visual), clamped: false, direction };
  }

  const size = minSize;
  const limit = Math.max(1, linesThatFit(height, size * lineHeight, options.maxLines));
  const lines = wrapUnits(units, width, size, measure);
  const kept = lines.slice(0, limit - 1).map(visual);
  const rest = lines.slice(limit - 1).flat();
  kept.push(visualLine(lastLineWithEllipsis(rest, width, size, measure), direction, false));
  return { fontSize: size, lineHeight: size * lineHeight, lines: kept, clamped: true, direction };
}

function linesThatFit(height: number, linePx: number, maxLines = Infinity): number {
  // A hair of tolerance: 3 lines of 44.8 px do fit 134.4 px.
  return Math.min(maxLines, Math.floor((height + 0.01) / linePx));
}

/** The line's characters in logical order, invisible ones included (they decide bidi levels). */
function logicalText(line: BreakUnit[]): string {
  return line.map((u, i) => (i < line.length - 1 ? u.text + u.space : u.text)).join('');
}

/** The line as it is drawn and so measured (the order of its graphemes does not change its width). */
function lineText(line: BreakUnit[]): string {
  return drawnText(logicalText(line), true);
}

/** Greedy line filling: each line takes as many whole units as fit its width. */
export function wrapUnits(units: BreakUnit[], width: number, size: number, measure: MeasureText): BreakUnit[][] {
  const lines: BreakUnit[][] = [];
  let line: BreakUnit[] = [];
  for (const unit of units) {
    if (line.length > 0 && measure(lineText([...line, unit]), size) > width) {
      lines.push(line);
      line = [];
    }
    if (line.length === 0 && measure(drawnText(unit.text, true), size) > width) {
      // A single word wider than the whole box has nowhere else to go: it is the only thing split.
      const pieces = splitToWidth(unit.text, width, size, measure);
      for (const piece of pieces.slice(0, -1)) lines.push([{ text: piece, space: '' }]);
      line = [{ text: pieces.at(-1)!, space: unit.space }];
      continue;
    }
    line.push(unit);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function splitToWidth(text: string, width: number, size: number, measure: MeasureText): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes.segment(text)) {
    if (piece && measure(drawnText(piece + segment, false), size) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  pieces.push(piece);
  return pieces;
}

/** The units that fit one line with an ellipsis after them; punctuation before the ellipsis is dropped. */
function lastLineWithEllipsis(units: BreakUnit[], width: number, size: number, measure: MeasureText): string {
  let line: BreakUnit[] = [];
  for (const unit of units) {
    const candidate = [...line, unit];
    if (measure(drawnText(trimForEllipsis(logicalText(candidate)), false) + ELLIPSIS, size) > width) break;
    line = candidate;
  }
  if (line.length === 0) {
    // Not even the first word fits with an ellipsis: cut it between graphemes.
    let cut = '';
    for (const { segment } of graphemes.segment(units[0]?.text ?? '')) {
      if (measure(drawnText(cut + segment, false) + ELLIPSIS, size) > width) break;
      cut += segment;
    }
    return cut + ELLIPSIS;
  }
  return trimForEllipsis(logicalText(line)) + ELLIPSIS;
}

function trimForEllipsis(text: string): string {
  // Opening brackets included: a line may not end with one (and "(…" reads as an error).
  return text.replace(/[\s\u3000\p{Po}\p{Pd}\p{Ps}]+$/u, '');
}
