/**
 * Geometry of the embeddable article card (templates/pages/embed-card.tsx). The card's CSS is generated
 * from these numbers (templates/embed/embed-style.ts), so the height the oEmbed answer announces and the
 * height the browser lays out come from one source.
 *
 * Every text block has a fixed line height and a line clamp, the photo a fixed 16:9 box and every other
 * row one line: the card's height at a width is known up to how many lines each clamped block wraps to.
 */

/** What the card shows: `full` with the photo, `text` without it, `brief` without photo and description. */
export const EMBED_LAYOUTS = ['full', 'text', 'brief'] as const;
export type EmbedLayout = (typeof EMBED_LAYOUTS)[number];

export const EMBED_WIDTH = { min: 150, default: 600, max: 800 } as const;

/** Top stripe in the brand colour and the 1px frame on the other sides. */
export const EMBED_BORDER = { top: 3, side: 1, bottom: 1 } as const;
export const PHOTO_RATIO = 9 / 16;

export interface EmbedTextStyle {
  font: number;
  line: number;
}

export interface EmbedTier {
  name: 'xs' | 'sm' | 'md';
  /** The tier applies from this card width up (CSS `min-width` media query). */
  minWidth: number;
  pad: number;
  gap: number;
  kicker: EmbedTextStyle;
  headline: EmbedTextStyle & { lines: number };
  description: EmbedTextStyle & { lines: number };
  meta: EmbedTextStyle & { rows: 1 | 2 };
  brand: EmbedTextStyle & { logo: number; padY: number };
}

export const EMBED_TIERS: readonly EmbedTier[] = [
  {
    name: 'xs', minWidth: 0, pad: 10, gap: 5,
    kicker: { font: 10, line: 14 },
    headline: { font: 15, line: 19, lines: 4 },
    description: { font: 12, line: 16, lines: 2 },
    // Too narrow for byline and date side by side: one row each.
    meta: { font: 11, line: 15, rows: 2 },
    brand: { font: 11, line: 16, logo: 16, padY: 6 },
  },
  {
    name: 'sm', minWidth: 260, pad: 12, gap: 6,
    kicker: { font: 11, line: 15 },
    headline: { font: 17, line: 22, lines: 3 },
    description: { font: 13, line: 18, lines: 3 },
    meta: { font: 12, line: 16, rows: 1 },
    brand: { font: 12, line: 18, logo: 18, padY: 8 },
  },
  {
    name: 'md', minWidth: 440, pad: 16, gap: 8,
    kicker: { font: 12, line: 16 },
    headline: { font: 21, line: 27, lines: 3 },
    description: { font: 15, line: 21, lines: 3 },
    meta: { font: 13, line: 18, rows: 1 },
    brand: { font: 13, line: 22, logo: 22, padY: 10 },
  },
];

export function embedTier(width: number): EmbedTier {
  let tier = EMBED_TIERS[0]!;
  for (const t of EMBED_TIERS) if (width >= t.minWidth) tier = t;
  return tier;
}

/** The text the card lays out; the height depends on nothing else. */
export interface EmbedText {
  headline: string;
  description: string;
  /** Empty when the article has no authors: the meta block is then the date alone. */
  byline: string;
}

// Advance widths in em of a wide system font (DejaVu Sans, the Linux default, is wider than Arial or
// Georgia), so the estimate errs towards one line too many rather than one too few.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;
const NARROW = /[ijlftrI.,:;'!|()[\]`"]/;

function charWidth(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (NARROW.test(ch)) return 0.34;
  if (/[mwMW@%]/.test(ch)) return 0.9;
  if (/[A-Z]/.test(ch)) return 0.7;
  if (/[0-9]/.test(ch)) return 0.64;
  return 0.6;
}

const SPACE = 0.32;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Lines a paragraph wraps to in a box `width` px wide at `font` px, breaking after spaces and hyphens
 * and between wide (CJK) characters, and inside a word that is longer than a line
 * (`overflow-wrap: anywhere`), capped at `maxLines` as the CSS line clamp does.
 */
export function estimateLines(text: string, width: number, font: number, maxLines: number, bold = false): number {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return 0;
  const available = width / font / (bold ? 1.06 : 1);
  // A box narrower than one character (a tiny oEmbed maxwidth) holds no text: count the most lines
  // rather than splitting words into pieces that never get smaller.
  if (!(available >= 1)) return maxLines;
  let lines = 1;
  let x = 0;
  let word = 0;
  const place = (w: number) => {
    if (x > 0 && x + w > available) {
      lines++;
      x = 0;
    }
    while (w > available) {
      lines++;
      w -= available;
    }
    x += w;
  };
  for (const { segment } of segmenter.segment(clean)) {
    if (segment === ' ') {
      place(word);
      word = 0;
      x += SPACE;
    } else if (WIDE.test(segment)) {
      place(word);
      word = 0;
      place(charWidth(segment));
    } else {
      word += charWidth(segment);
      if (segment === '-') {
        place(word);
        word = 0;
      }
    }
    if (lines > maxLines) return maxLines;
  }
  place(word);
  return Math.min(lines, maxLines);
}

export interface EmbedHeightOptions {
  /** Assume every clamped block is full: an upper bound that no text can exceed. */
  worstCase?: boolean;
}

/** Height in px of the card at `width` px: what the embed page will measure and report. */
export function embedHeight(text: EmbedText, width: number, layout: EmbedLayout, options: EmbedHeightOptions = {}): number {
  const t = embedTier(width);
  const inner = width - 2 * EMBED_BORDER.side;
  const textWidth = inner - 2 * t.pad;
  const lines = (s: string, style: { font: number; lines: number }, bold = false) =>
    options.worstCase ? (s.trim() ? style.lines : 0) : estimateLines(s, textWidth, style.font, style.lines, bold);

  const blocks: number[] = [t.kicker.line, lines(text.headline, t.headline, true) * t.headline.line];
  if (layout !== 'brief' && text.description.trim()) blocks.push(lines(text.description, t.description) * t.description.line);
  blocks.push((text.byline.trim() ? t.meta.rows : 1) * t.meta.line);
  const body = 2 * t.pad + blocks.reduce((a, b) => a + b, 0) + t.gap * (blocks.length - 1);

  const photo = layout === 'full' ? inner * PHOTO_RATIO : 0;
  const brand = 1 + 2 * t.brand.padY + Math.max(t.brand.logo, t.brand.line);
  return Math.ceil(EMBED_BORDER.top + photo + body + brand + EMBED_BORDER.bottom);
}

/**
 * The richest layout whose tallest possible card fits in `maxHeight` (oEmbed 1.0 §2.2: the embed must
 * not exceed maxheight). When even `brief` does not fit it is still the answer, clipped by its frame.
 */
export function chooseEmbedLayout(text: EmbedText, width: number, maxHeight: number | undefined): EmbedLayout {
  if (maxHeight === undefined) return 'full';
  return EMBED_LAYOUTS.find((l) => embedHeight(text, width, l, { worstCase: true }) <= maxHeight) ?? 'brief';
}
