import satori from 'satori/standalone';
import { type AssetReader, CARD_BYTE_BUDGET, CARD_VARIANTS, type CardInput, type CardTemplate, coverPlacement, type ImageCodec, type PhotoSource, withoutPhoto } from '../domain/card';
import { drawnText, fitLines, prepareText, type PreparedText } from '../domain/typography';
import { CARD_TEMPLATE_MODULES, type TextStyle } from '../../templates/cards';
import { emojiImage, emojiNames, loadEmojiImages } from './emoji';
import { fallbackFonts, loadCardFonts, loadFontManifest } from './fonts';
import { loadLogo } from './logo';
import { type PreparedPhoto, preparePhoto } from './photo';
import { type PngEncoding, rasterise } from './rasterise';
import { satoriReady } from './wasm';

export interface RenderDeps {
  /** Static assets: fonts, emoji, logo (and local photos, through `photos`). */
  assets: AssetReader;
  photos: PhotoSource;
  /** The Images binding, when configured: scales photos and encodes photo cards as JPEG. */
  images?: ImageCodec;
}

export interface RenderOptions {
  /**
   * `auto` (default): JPEG for photo cards when the Images binding is there, PNG otherwise, within the
   * byte budget. `png`: always the PNG straight from resvg, whatever its size (golden tests).
   */
  output?: 'auto' | 'png';
  /** PNG encoder: `compact` (default) or resvg's own `asPng()` (the benchmark compares both). */
  encoding?: PngEncoding;
}

export interface RenderedCard {
  bytes: Uint8Array;
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  /** The template drawn: `text` when a photo card could not use its photo. */
  template: CardTemplate;
  /** Why a photo card was drawn as a text card. */
  fallback?: string;
  /** Milliseconds per stage (in Workers, clocks advance only across I/O). */
  timings: Record<string, number>;
  /** Every block of text the template set, as fitted (a clamped headline is worth a warning). */
  texts: FittedBlock[];
  /** Text left out of the card because it could not be drawn correctly, and why (also logged). */
  omitted: OmittedText[];
  /** Segments satori found no font or image for (drawn as missing glyphs): empty unless the text model missed one. */
  uncovered: string[];
}

export interface OmittedText {
  style: TextStyle;
  /** A whole block (`undrawable`), or graphemes that no font or image set has (`dropped`). */
  kind: 'undrawable' | 'dropped';
  text: string;
  reason: string;
}

export interface FittedBlock {
  text: string;
  style: TextStyle;
  fontSize: number;
  /** The largest size the template allowed: a smaller `fontSize` means the text was shrunk to fit. */
  maxSize: number;
  lines: string[];
  clamped: boolean;
}

export class CardRenderError extends Error {
  override name = 'CardRenderError';
}

/** JPEG qualities tried in turn until the card fits the byte budget. */
const JPEG_QUALITIES = [85, 75, 65];

/**
 * Renders a share card: template -> satori (SVG) -> resvg (PNG) -> Images binding (JPEG, photo cards).
 * A photo that cannot be fetched, decoded, scaled or kept within the byte budget never fails the card:
 * it is drawn again as a text card. Throws only when even the text card cannot be made.
 */
export async function renderCard(input: CardInput, deps: RenderDeps, options: RenderOptions = {}): Promise<RenderedCard> {
  const started = Date.now();
  const timings: Record<string, number> = {};
  const lap = (stage: string, since: number) => (timings[stage] = (timings[stage] ?? 0) + Date.now() - since);
  const output = options.output ?? 'auto';

  let fallback: string | undefined;
  if (input.template === 'photo' && input.photo) {
    const t = Date.now();
    const template = CARD_TEMPLATE_MODULES.photo;
    const outcome = await preparePhoto(deps.photos, input.photo.url, template.photoBox!(input.variant), deps.images);
    lap('photo', t);
    if (outcome.ok) {
      // A PNG on its way to JPEG only has to be quick to make.
      const encoding = options.encoding ?? (deps.images && output === 'auto' ? 'fast' : 'compact');
      const drawn = await draw(input, deps, timings, encoding, outcome.photo);
      const png = drawn.png;
      if (output === 'png') return done(png, 'image/png', input, drawn, timings, started);
      if (deps.images) {
        const t2 = Date.now();
        for (const quality of JPEG_QUALITIES) {
          const jpeg = await deps.images.encodeJpeg(png, quality);
          if (jpeg.byteLength <= CARD_BYTE_BUDGET) {
            lap('encode', t2);
            return done(jpeg, 'image/jpeg', input, drawn, timings, started);
          }
        }
        lap('encode', t2);
        fallback = 'jpeg-over-budget';
      } else if (png.byteLength <= CARD_BYTE_BUDGET) {
        return done(png, 'image/png', input, drawn, timings, started);
      } else {
        fallback = 'png-over-budget';
      }
    } else {
      fallback = outcome.reason;
    }
  }

  const textInput = input.template === 'text' ? input : withoutPhoto(input);
  const drawn = await draw(textInput, deps, timings, options.encoding);
  // A photo card is announced as JPEG wherever the Images binding is (see cardFormatFor): its text
  // fallback is a JPEG too, so the bytes agree with the URL's extension and og:image:type.
  if (output === 'auto' && input.template === 'photo' && deps.images) {
    const t = Date.now();
    const jpeg = await deps.images.encodeJpeg(drawn.png, JPEG_QUALITIES[0]!);
    lap('encode', t);
    if (jpeg.byteLength > CARD_BYTE_BUDGET) {
      throw new CardRenderError(`text card is ${jpeg.byteLength} bytes as JPEG, over the ${CARD_BYTE_BUDGET} byte budget`);
    }
    return { ...done(jpeg, 'image/jpeg', textInput, drawn, timings, started), ...(fallback ? { fallback } : {}) };
  }
  if (output === 'auto' && drawn.png.byteLength > CARD_BYTE_BUDGET) {
    throw new CardRenderError(`text card is ${drawn.png.byteLength} bytes, over the ${CARD_BYTE_BUDGET} byte budget`);
  }
  return { ...done(drawn.png, 'image/png', textInput, drawn, timings, started), ...(fallback ? { fallback } : {}) };
}

function done(
  bytes: Uint8Array,
  contentType: RenderedCard['contentType'],
  input: CardInput,
  drawn: Drawn,
  timings: Record<string, number>,
  started: number,
): RenderedCard {
  const { width, height } = CARD_VARIANTS[input.variant];
  timings.total = Date.now() - started;
  return { bytes, contentType, width, height, template: input.template, timings, texts: drawn.texts, omitted: drawn.omitted, uncovered: drawn.uncovered };
}

/** Lays out the template with satori and rasterises it with resvg. */
async function draw(
  input: CardInput,
  deps: RenderDeps,
  timings: Record<string, number>,
  encoding: PngEncoding = 'compact',
  photo?: PreparedPhoto,
): Promise<Drawn> {
  const template = CARD_TEMPLATE_MODULES[input.template];
  const { width, height } = CARD_VARIANTS[input.variant];

  let t = Date.now();
  const manifest = await loadFontManifest(deps.assets);
  // One text model for fitting and drawing (src/domain/card-text.ts): every string is prepared once,
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
  const [fonts, logo] = await Promise.all([loadCardFonts(deps.assets, texts, input.lang), loadLogo(deps.assets, input.site.logoPath)]);
  const images = await loadEmojiImages(deps.assets, manifest, Object.values(texts), fonts.hasGlyphs);
  timings.fonts = (timings.fonts ?? 0) + Date.now() - t;

  t = Date.now();
  const fitted: FittedBlock[] = [];
  const omitted: OmittedText[] = [];
  const placement = photo && input.photo && template.photoBox
    ? { src: photo.src, ...coverPlacement(photo, template.photoBox(input.variant), input.photo.focalPoint) }
    : undefined;
  const element = template.render({
    input,
    width,
    height,
    fonts: fonts.families,
    fit: (request) => {
      const p = prepare(request.text);
      if (p.undrawable) omitted.push({ style: request.style, kind: 'undrawable', text: request.text, reason: p.undrawable });
      if (p.dropped.length) omitted.push({ style: request.style, kind: 'dropped', text: p.dropped.join(' '), reason: 'no image set has these emoji' });
      const text = drawable(p);
      const missing = fonts.missingGlyphs(request.style, drawnText(text, false), images);
      if (missing.length) omitted.push({ style: request.style, kind: 'dropped', text: missing.join(' '), reason: 'no card font has these characters' });
      const fit = fitLines({ ...request, text: withoutGraphemes(text, missing), measure: fonts.measure(request.style, images) });
      // The measure counted the overhanging ink of each line's end glyphs; the line is moved in by it.
      const indents = fit.lines.map((line) => {
        const o = fonts.overhang(request.style, line, images);
        return (fit.direction === 'rtl' ? o.right : o.left) * fit.fontSize;
      });
      const result = indents.some((i) => i > 0) ? { ...fit, indents } : fit;
      fitted.push({ text: request.text, style: request.style, fontSize: result.fontSize, maxSize: request.maxSize, lines: result.lines, clamped: result.clamped });
      return result;
    },
    ...(placement ? { photo: placement } : {}),
    ...(logo ? { logo } : {}),
  });
  if (omitted.length) console.warn(JSON.stringify({ event: 'card-text-omitted', variant: input.variant, template: input.template, omitted }));
  await satoriReady();
  const uncovered: string[] = [];
  const svg = await satori(element, {
    width,
    height,
    fonts: fonts.fonts,
    graphemeImages: images,
    // Called for graphemes no loaded font has. Emoji images are all in graphemeImages already; anything
    // else gets whichever subsets cover it (the font plan should already have loaded them).
    loadAdditionalAsset: async (code, segment) => {
      if (code === 'emoji') {
        const image = images[segment] ?? (await emojiImage(deps.assets, manifest, segment));
        if (!image && /\S/u.test(segment)) uncovered.push(segment);
        return image ?? [];
      }
      const extra = await fallbackFonts(deps.assets, segment, input.lang);
      if (extra.length === 0) uncovered.push(segment);
      return extra;
    },
  });
  timings.layout = (timings.layout ?? 0) + Date.now() - t;

  const { png, rasterMs, encodeMs } = await rasterise(svg, encoding);
  timings.raster = (timings.raster ?? 0) + rasterMs;
  timings.png = (timings.png ?? 0) + encodeMs;
  return { png, texts: fitted, omitted, uncovered };
}

interface Drawn {
  png: Uint8Array;
  texts: FittedBlock[];
  omitted: OmittedText[];
  uncovered: string[];
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
