import { Resvg } from '@resvg/resvg-wasm';
import { resvgReady } from './wasm';

/** SVG to PNG with resvg. The wasm-side objects are freed at once: wasm memory is not garbage collected. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  await resvgReady();
  // Satori draws text as paths, so resvg needs no fonts.
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new Blob([bytes]).stream();
}

/** Re-encodes an image as JPEG with the Images binding. */
export async function encodeJpeg(images: ImagesBinding, bytes: Uint8Array, quality: number): Promise<Uint8Array> {
  const result = await images.input(streamOf(bytes)).output({ format: 'image/jpeg', quality });
  return new Uint8Array(await result.response().arrayBuffer());
}

/** Scales an image down to `width` x `height` (its aspect kept) as JPEG with the Images binding. */
export async function scaleToJpeg(images: ImagesBinding, bytes: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const result = await images
    .input(streamOf(bytes))
    .transform({ width, height, fit: 'scale-down' })
    .output({ format: 'image/jpeg', quality: 85 });
  return new Uint8Array(await result.response().arrayBuffer());
}
