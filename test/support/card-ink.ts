import { decode } from 'fast-png';
import type { CardVariant } from '../../src/domain/card';

/** The text card's horizontal padding per variant (templates/cards/text.tsx): text must stay inside it. */
export const TEXT_CARD_PAD_X: Record<CardVariant, number> = { og: 64, square: 80 };
// The top colour band spans the whole width; below it, the margins are bare paper.
const BAND: Record<CardVariant, number> = { og: 8, square: 12 };
const PAPER = [0xf7, 0xf4, 0xec];

/**
 * Pixels of a text card that carry ink outside its text box: in the left and right padding below the
 * band. A glyph's antialiased edge (or a small negative side bearing) may tint the pixel next to the
 * box; ink that ran over is far darker than that, so only pixels well off the paper colour count.
 */
export function inkOutsideTextBox(png: Uint8Array, variant: CardVariant): { count: number; first?: { x: number; y: number } } {
  const img = decode(png);
  const ch = img.channels;
  // Palette PNGs (the compact encoder's) hold indices: look each one up.
  const rgb = (i: number): number[] =>
    img.palette ? [...img.palette[Number(img.data[i])]!].slice(0, 3) : [0, 1, 2].map((k) => Number(img.data[i + k]));
  const pad = TEXT_CARD_PAD_X[variant];
  let count = 0;
  let first: { x: number; y: number } | undefined;
  for (let y = BAND[variant]; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (x >= pad && x < img.width - pad) continue;
      const i = (y * img.width + x) * ch;
      const px = rgb(i);
      const off = Math.max(...PAPER.map((v, k) => Math.abs(px[k]! - v)));
      if (off > 48) {
        count++;
        first ??= { x, y };
      }
    }
  }
  return { count, ...(first ? { first } : {}) };
}
