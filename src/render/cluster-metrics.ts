import type { Font as ParsedFont } from '@shuding/opentype.js';

/** Code points satori never draws (they are removed from drawn text, see domain/typography/card-text.ts). */
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}]/u;

/** Ink reaching past a grapheme's advance box, in em: `left` before its origin, `right` after its advance. */
export interface Overhang {
  left: number;
  right: number;
}

/**
 * The ink of a grapheme cluster as satori 0.32 draws it, in em. Satori applies no GPOS, so a combining
 * mark that NFC could not compose into its base (`ä` + U+0301) is drawn where the pen stands after the
 * base, not attached above it: a zero-advance mark whose outline is centred on its origin reaches about
 * half its width past the cluster's advance (Source Serif 4's acute: 0.142 em). So every code point's
 * outline counts, at the pen position it is drawn at, all from `font` (the one mapping the cluster's
 * first code point: satori draws the whole cluster with it; code points it lacks are left out of the
 * text before, see `drawableClusters` in fonts.ts).
 */
export function clusterOverhang(cluster: string, font: ParsedFont): Overhang {
  let pen = 0;
  let left = 0;
  let right = 0;
  for (const ch of cluster) {
    if (INVISIBLE.test(ch)) continue;
    if (!(font.charToGlyphIndex(ch) > 0)) continue;
    const glyph = font.charToGlyph(ch);
    const em = font.unitsPerEm;
    const { xMin, xMax } = glyph.getMetrics();
    // An empty glyph (a space) reports infinite bounds.
    if (Number.isFinite(xMin) && Number.isFinite(xMax)) {
      left = Math.min(left, pen + xMin / em);
      right = Math.max(right, pen + xMax / em);
    }
    pen += (glyph.advanceWidth ?? 0) / em;
  }
  return { left: Math.max(0, -left), right: Math.max(0, right - pen) };
}
