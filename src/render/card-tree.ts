import type { SatoriOptions } from 'satori/standalone';
import type { JSXElement } from 'satori/jsx';
import { type AssetReader, CARD_VARIANTS, type CardInput, type CoverPlacement } from '../domain/card';
import { drawnText, fitLines, type FittedLines, type MeasureText, prepareText, type PreparedText } from '../domain/typography';
import { CARD_TEMPLATE_MODULES, type TextStyle } from '../../templates/cards';
import { emojiImage, emojiNames, loadEmojiImages } from './emoji';
import { fallbackFonts, loadCardFonts, loadFontManifest } from './fonts';
import { loadLogo } from './logo';

export interface FittedBlock {
  text: string;
  style: TextStyle;
  fontSize: number;
  lines: string[];
  clamped: boolean;
  /** The largest size the template allowed: a smaller `fontSize` means the text was shrunk to fit. */
  maxSize: number;
}

export interface OmittedText {
  style: TextStyle;
  /** A whole block (`undrawable`), or graphemes that no font or image set has (`dropped`). */
  kind: 'undrawable' | 'dropped';
  text: string;
  reason: string;
}

/** A card laid out as an element tree, with everything satori needs to turn it into SVG. */
export interface CardTree {
  element: JSXElement;
  /** satori's options: the card's size, its fonts, emoji images and the hook for missing glyphs. */
  options: SatoriOptions & { width: number; height: number };
  /** Every block of text the template set, as fitted. */
  texts: FittedBlock[];
  omitted: OmittedText[];
  /** Filled while satori runs: segments it found no font or image for. */
  uncovered: string[];
}

/**
 * Loads the fonts, emoji and logo a card needs and lets its template lay it out: the part of a render
 * that comes before satori. Shared by the renderer and the benchmark (which hands the same tree to
 * other renderers). `photo`: where the photo goes in the photo box, with its data URI when resvg is to
 * draw it as part of the card (without, the box is left transparent for compositing).
 * `timings.fonts` gets the milliseconds spent loading.
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
  const manifest = await loadFontManifest(assets);
  // One text model for fitting and drawing (src/domain/typography): every string is prepared once,
  // fonts are planned for the prepared text, and emoji images are fixed before the first measurement.
  const emoji = emojiNames(manifest);
  const prepared = new Map<string, PreparedText>();
  const prepare = (text: string) => {
    let p = prepared.get(text);
    if (!p) prepared.set(text, (p = prepareText(text, emoji)));
    return p;
  };
  const rawTexts = template.texts(input);
  const texts = Object.fromEntries(Object.entries(rawTexts).map(([style, text]) => [style, drawable(prepare(text ?? ''))]));
  const [fonts, logo] = await Promise.all([loadCardFonts(assets, withEmSpace(texts), input.lang), loadLogo(assets, input.site.logoPath)]);
  const images = await loadEmojiImages(assets, manifest, Object.values(texts), fonts.hasGlyphs);
  timings.fonts = (timings.fonts ?? 0) + Date.now() - t;

  const fitted: FittedBlock[] = [];
  const omitted: OmittedText[] = [];
  const element = template.render({
    input,
    width,
    height,
    fonts: fonts.families,
    fit: (request) => {
      const p = prepare(request.text);
      if (p.undrawable) omitted.push({ style: request.style, kind: 'undrawable', text: request.text, reason: p.undrawable });
      if (p.dropped.length) omitted.push({ style: request.style, kind: 'dropped', text: p.dropped.join(' '), reason: 'no image set has these emoji' });
      // Satori draws a cluster from one font: marks that font lacks are left out, never drawn as tofu.
      const clusters = fonts.drawableClusters(request.style, drawable(p), images);
      if (clusters.stripped.length) omitted.push({ style: request.style, kind: 'dropped', text: clusters.stripped.join(' '), reason: 'combining marks the font of their base lacks' });
      const text = clusters.text;
      const missing = fonts.missingGlyphs(request.style, drawnText(text, false), images);
      if (missing.length) omitted.push({ style: request.style, kind: 'dropped', text: missing.join(' '), reason: 'no card font has these characters' });
      const fit = fitLines({ ...request, text: withoutGraphemes(text, missing), measure: fonts.measure(request.style, images) });
      // The measure counted the overhanging ink of each line's end glyphs; the line is moved in by it.
      const indents = fit.lines.map((line) => {
        const o = fonts.overhang(request.style, line, images);
        return (fit.direction === 'rtl' ? o.right : o.left) * fit.fontSize;
      });
      const spaced = drawIdeographicSpaces(fit, fonts.measure(request.style, images));
      const graphemeWords = spaced.lines.map((line) => hasImage(line, images));
      const drawn = graphemeWords.some(Boolean) ? { ...spaced, graphemeWords } : spaced;
      const result = indents.some((i) => i > 0) ? { ...drawn, indents } : drawn;
      fitted.push({ text: request.text, style: request.style, fontSize: result.fontSize, maxSize: request.maxSize, lines: result.lines, clamped: result.clamped });
      return result;
    },
    ...(photo ? { photo } : {}),
    ...(logo ? { logo } : {}),
  });
  if (omitted.length) console.warn(JSON.stringify({ event: 'card-text-omitted', variant: input.variant, template: input.template, omitted }));
  const uncovered: string[] = [];
  return {
    element,
    texts: fitted,
    omitted,
    uncovered,
    options: {
      width,
      height,
      fonts: fonts.fonts,
      graphemeImages: images,
      // Called for graphemes no loaded font has. Emoji images are all in graphemeImages already; anything
      // else gets whichever subsets cover it (the font plan should already have loaded them).
      loadAdditionalAsset: async (code, segment) => {
        if (code === 'emoji') {
          const image = images[segment] ?? (await emojiImage(assets, manifest, segment));
          if (!image && /\S/u.test(segment)) uncovered.push(segment);
          return image ?? [];
        }
        const extra = await fallbackFonts(assets, segment, input.lang);
        if (extra.length === 0) uncovered.push(segment);
        return extra;
      },
    },
  };
}

/** The text of a block that is drawn: none when the model says it cannot be drawn correctly. */
function drawable(p: PreparedText): string {
  return p.undrawable ? '' : p.text;
}

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` without the given graphemes (ones no font has: left out rather than drawn as missing glyphs). */
function withoutGraphemes(text: string, drop: string[]): string {
  if (drop.length === 0) return text;
  const set = new Set(drop);
  return [...graphemeSegmenter.segment(text)].filter((s) => !set.has(s.segment)).map((s) => s.segment).join('');
}

const IDEOGRAPHIC_SPACE = '\u3000';
const EM_SPACE = '\u2003';

/**
 * Satori 0.32 does not lay out U+3000 IDEOGRAPHIC SPACE as it measures it everywhere: after an emoji
 * image at the start of a flush-right line it set the line 3 px past its box (property test,
 * FC_SEED=987654321). Both are blanks one em wide (Unicode Standard §6.2, "Space Characters"), so a
 * fitted line draws each U+3000 as U+2003 EM SPACE when the fonts give the two the same advance; the
 * font plan is asked for U+2003 wherever the text has U+3000.
 */
function withEmSpace<T extends Record<string, string>>(texts: T): T {
  return Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, t.includes(IDEOGRAPHIC_SPACE) ? t + EM_SPACE : t])) as T;
}

function drawIdeographicSpaces(fit: FittedLines, measure: MeasureText): FittedLines {
  if (!fit.lines.some((l) => l.includes(IDEOGRAPHIC_SPACE))) return fit;
  if (Math.abs(measure(EM_SPACE, 100) - measure(IDEOGRAPHIC_SPACE, 100)) > 0.01) return fit;
  return { ...fit, lines: fit.lines.map((l) => l.replaceAll(IDEOGRAPHIC_SPACE, EM_SPACE)) };
}

/** True when some grapheme of the line is drawn as an emoji image. */
function hasImage(line: string, images: Readonly<Record<string, string>>): boolean {
  if (!/[^\u0000-\u1fff]/u.test(line)) return false;
  for (const { segment } of graphemeSegmenter.segment(line)) if (images[segment]) return true;
  return false;
}
