import satori from 'satori/standalone';
import { CARD_VARIANTS, type CardInput, coverPlacement } from '../domain/card';
import { CARD_TEMPLATE_MODULES } from '../../templates/cards';
import { cardTree, type FittedBlock, type OmittedText } from './card-tree';
import type { PhotoOutcome, PreparedPhoto } from './photo';
import { compositeLayerUnder, compositeUnder, photoLayerSvg, rgbOf } from './photo-composite';
import { encodePixels, rasterise, renderPixels, type PngEncoding } from './rasterise';
import type { RenderDeps } from './render-card';
import { PhotoHeadStart } from './photo-head-start';
import { satoriReady } from './wasm';

/** A card drawn and encoded as PNG, with what the template set. */
export interface Drawn {
  png: Uint8Array;
  texts: FittedBlock[];
  omitted: OmittedText[];
  uncovered: string[];
}

/**
 * Lays out the template with satori and rasterises it with resvg: text cards, and photo cards whose
 * photo resvg draws inside the card (`photo` embedded; the benchmark's comparison with resvg's asPng()).
 */
export async function draw(
  input: CardInput,
  deps: RenderDeps,
  timings: Record<string, number>,
  encoding: PngEncoding = 'compact',
  photo?: PreparedPhoto,
): Promise<Drawn> {
  const box = CARD_TEMPLATE_MODULES[input.template].photoBox?.(input.variant);
  const placement = photo?.kind === 'embedded' && input.photo && box ? { ...coverPlacement(photo, box, input.photo.focalPoint), src: photo.src } : undefined;
  const { svg, texts, omitted, uncovered } = await layout(input, deps, timings, placement);
  const { png, rasterMs, encodeMs } = await rasterise(svg, encoding);
  timings.raster = (timings.raster ?? 0) + rasterMs;
  timings.png = (timings.png ?? 0) + encodeMs;
  return { png, texts, omitted, uncovered };
}

export type DrawnApart =
  | { ok: true; drawn: Drawn }
  /** The photo could not be had (`retry` undefined) or not composited (`retry` embeds it instead). */
  | { ok: false; reason: string; retry?: () => Promise<PhotoOutcome> };

/**
 * A photo card whose photo is drawn apart from the card and composited under it (docs/performance.md):
 * the card is laid out and rasterised with its photo box transparent while `photo` (fetched and scaled
 * by the Images binding, or embedded for resvg) is still on its way, since the tree of such a card does
 * not depend on the photo. Then the photo is composited under the card's pixels and the card encoded.
 */
export async function drawApart(
  input: CardInput,
  deps: RenderDeps,
  timings: Record<string, number>,
  encoding: PngEncoding,
  photo: Promise<PhotoOutcome>,
): Promise<DrawnApart> {
  const template = CARD_TEMPLATE_MODULES[input.template];
  const { width, height } = CARD_VARIANTS[input.variant];
  const box = template.photoBox!(input.variant);
  const headStart = new PhotoHeadStart(photo);
  const card = (async () => {
    // Any placement without a source leaves the box transparent. Between the fitting and satori, the
    // photo gets its head start towards the Images binding (timed as `headStart`).
    const laidOut = await layout(input, deps, timings, { left: 0, top: 0, width: box.width, height: box.height }, async () => {
      const started = Date.now();
      await headStart.start();
      timings.headStart = (timings.headStart ?? 0) + Date.now() - started;
    });
    await headStart.between();
    const { pixels, rasterMs } = await renderPixels(laidOut.svg);
    timings.raster = (timings.raster ?? 0) + rasterMs;
    return { ...laidOut, pixels };
  })();
  card.catch(() => {});
  const outcome = await photo;
  if (!outcome.ok) {
    // Let the layout finish (or fail) before the text card is laid out in its place.
    await card.catch(() => {});
    return outcome;
  }
  const { pixels, texts, omitted, uncovered } = await card;
  const backdrop = rgbOf(template.photoBackdrop ?? '#000000');
  let t = Date.now();
  const prepared = outcome.photo;
  if (prepared.kind === 'composited') {
    try {
      const scaled = await prepared.scaled;
      // Waiting for the Images binding, what is left of it after layout and rasterising.
      timings.scaleWait = (timings.scaleWait ?? 0) + Date.now() - t;
      t = Date.now();
      await compositeUnder(pixels, width, box, prepared.placement, scaled, backdrop);
    } catch {
      // A kept copy of a photo that cannot be drawn must not be drawn again.
      await prepared.forget?.();
      return { ok: false, reason: 'composite-failed', retry: prepared.embed };
    } finally {
      timings.composite = (timings.composite ?? 0) + Date.now() - t;
    }
    // The copy kept for later renders was written while the photo was composited.
    await prepared.kept;
  } else {
    const placement = coverPlacement(prepared, box, input.photo?.focalPoint);
    const layer = await renderPixels(photoLayerSvg(prepared.src, box, placement));
    compositeLayerUnder(pixels, width, box, layer.pixels, backdrop);
    timings.composite = (timings.composite ?? 0) + Date.now() - t;
  }
  t = Date.now();
  const png = await encodePixels(pixels, width, height, encoding);
  timings.png = (timings.png ?? 0) + Date.now() - t;
  return { ok: true, drawn: { png, texts, omitted, uncovered } };
}

/**
 * The card's tree laid out by satori as SVG; `timings.layout` gets the template's text fitting and
 * satori. `between`, when given, runs between the two (a photo on its way gets the event loop).
 */
async function layout(
  input: CardInput,
  deps: RenderDeps,
  timings: Record<string, number>,
  photo?: Parameters<typeof cardTree>[3],
  between?: () => Promise<void>,
) {
  const fontsBefore = timings.fonts ?? 0;
  let t = Date.now();
  const { element, options, texts, omitted, uncovered } = await cardTree(input, deps.assets, timings, photo);
  t += (timings.fonts ?? 0) - fontsBefore;
  if (between) {
    const paused = Date.now();
    await between();
    t += Date.now() - paused;
  }
  await satoriReady();
  const svg = await satori(element, options);
  timings.layout = (timings.layout ?? 0) + Date.now() - t;
  return { svg, texts, omitted, uncovered };
}
