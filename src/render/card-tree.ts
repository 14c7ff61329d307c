import type { SatoriOptions } from 'satori/standalone';
import type { JSXElement } from 'satori/jsx';
import { type AssetReader, CARD_VARIANTS, type CardInput, type CoverPlacement } from '../domain/card';
import { fitLines } from '../domain/typography';
import { CARD_TEMPLATE_MODULES, type TextStyle } from '../../templates/cards';
import { emojiImage } from './emoji';
import { fallbackFonts, loadCardFonts, loadFontManifest } from './fonts';
import { loadLogo } from './logo';

export interface FittedBlock {
  text: string;
  style: TextStyle;
  fontSize: number;
  lines: string[];
  clamped: boolean;
}

/** A card laid out as an element tree, with everything satori needs to turn it into SVG. */
export interface CardTree {
  element: JSXElement;
  /** satori's options: the card's size, its fonts and the hook for emoji and missing glyphs. */
  options: SatoriOptions & { width: number; height: number };
  /** Every block of text the template set, as fitted. */
  texts: FittedBlock[];
}

/**
 * Loads the fonts and logo a card needs and lets its template lay it out: the part of a render that
 * comes before satori. `photo`: where the photo goes in the photo box, with its data URI when resvg
 * is to draw it as part of the card (without, the box is left transparent for compositing). Shared by the renderer and the benchmark (which hands the same tree to other
 * renderers). `timings.fonts` gets the milliseconds spent loading.
 */
export async function cardTree(
  input: CardInput,
  assets: AssetReader,
  timings: Record<string, number>,
  photo?: CoverPlacement & { src?: string },
): Promise<CardTree> {
  const template = CARD_TEMPLATE_MODULES[input.template];
  const { width, height } = CARD_VARIANTS[input.variant];

  const t = Date.now();
  const [fonts, logo, manifest] = await Promise.all([
    loadCardFonts(assets, template.texts(input), input.lang),
    loadLogo(assets, input.site.logoPath),
    loadFontManifest(assets),
  ]);
  timings.fonts = (timings.fonts ?? 0) + Date.now() - t;

  const texts: FittedBlock[] = [];
  const element = template.render({
    input,
    width,
    height,
    fonts: fonts.families,
    fit: (request) => {
      const fitted = fitLines({ ...request, measure: fonts.measure(request.style) });
      texts.push({ text: request.text, style: request.style, fontSize: fitted.fontSize, lines: fitted.lines, clamped: fitted.clamped });
      return fitted;
    },
    ...(photo ? { photo } : {}),
    ...(logo ? { logo } : {}),
  });
  return {
    element,
    texts,
    options: {
      width,
      height,
      fonts: fonts.fonts,
      // Called for graphemes no loaded font has: emoji become Twemoji images; anything else gets
      // whichever subsets cover it (the font plan should already have loaded them).
      loadAdditionalAsset: async (code, segment) =>
        code === 'emoji' ? ((await emojiImage(assets, manifest.emoji.path, segment)) ?? []) : fallbackFonts(assets, segment, input.lang),
    },
  };
}
