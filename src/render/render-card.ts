import { type AssetReader, CARD_BYTE_BUDGET, CARD_VARIANTS, type CardInput, type CardTemplate, type ImageCodec, type PhotoSource, type ScaledPhotoCache, withoutPhoto } from '../domain/card';
import { CARD_TEMPLATE_MODULES } from '../../templates/cards';
import type { FittedBlock, OmittedText } from './card-tree';
import { draw, drawApart, type Drawn } from './draw';
import './module-warm-up';
import { preparePhoto } from './photo';
import type { PngEncoding } from './rasterise';
import { noteCardRendered } from './warm-up';

export interface RenderDeps {
  /** Static assets: fonts, emoji, logo (and local photos, through `photos`). */
  assets: AssetReader;
  photos: PhotoSource;
  /** The Images binding, when configured: scales photos and encodes photo cards as JPEG. */
  images?: ImageCodec;
  /** Photos the binding scaled before, kept for later renders (with `images` only). */
  scaledPhotos?: ScaledPhotoCache;
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

export type { FittedBlock, OmittedText };

export class CardRenderError extends Error {
  override name = 'CardRenderError';
}

/** JPEG qualities tried in turn until the card fits the byte budget. */
const JPEG_QUALITIES = [85, 75, 65];

/**
 * Renders a share card: template -> satori (SVG) -> resvg (PNG) -> Images binding (JPEG, photo cards).
 * With the Images binding, a photo card's photo is scaled by the binding to exactly its drawn size
 * while the card is laid out and rendered with an empty photo box, then composited under the card
 * (resvg decoding and resampling the photo was most of a photo card's time).
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
    const box = template.photoBox!(input.variant);
    const pending = preparePhoto(deps.photos, input.photo.url, box, input.photo.focalPoint, deps.images, deps.scaledPhotos).then((o) => {
      lap('photo', t);
      return o;
    });
    // A PNG on its way to JPEG only has to be quick to make.
    const encoding = options.encoding ?? (deps.images && output === 'auto' ? 'fast' : 'compact');
    let drawn: Drawn | undefined;
    if (encoding === 'resvg') {
      // resvg's asPng() can only encode what resvg drew: the benchmark compares it with the photo embedded.
      let outcome = await pending;
      if (outcome.ok && outcome.photo.kind === 'composited') {
        const composited = outcome.photo;
        await composited.scaled.then((png) => png.cancel(), () => {});
        await composited.kept;
        outcome = await composited.embed();
      }
      if (outcome.ok) drawn = await draw(input, deps, timings, encoding, outcome.photo);
      else fallback = outcome.reason;
    } else {
      // The card is laid out and rasterised with its photo box empty while the photo is fetched and
      // scaled: the tree of a composited card does not depend on the photo.
      const result = await drawApart(input, deps, timings, encoding, pending);
      if (result.ok) drawn = result.drawn;
      else if (result.retry) {
        // The Images binding could not give the photo at its size: embed it, as without compositing.
        const t2 = Date.now();
        const outcome = await result.retry();
        lap('photo', t2);
        if (outcome.ok) {
          const again = await drawApart(input, deps, timings, encoding, Promise.resolve(outcome));
          if (again.ok) drawn = again.drawn;
          else fallback = again.reason;
        } else fallback = outcome.reason;
      } else fallback = result.reason;
    }
    if (drawn) {
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
  noteCardRendered();
  return { bytes, contentType, width, height, template: input.template, timings, texts: drawn.texts, omitted: drawn.omitted, uncovered: drawn.uncovered };
}
