import type { ImageCodec } from '../domain/card';

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new Blob([bytes]).stream();
}

/**
 * The Images binding as an ImageCodec. Transformations and outputs as documented for the binding:
 * https://developers.cloudflare.com/images/transform-images/bindings/
 */
export function createImageCodec(images: ImagesBinding): ImageCodec {
  return {
    async encodeJpeg(bytes, quality) {
      const result = await images.input(streamOf(bytes)).output({ format: 'image/jpeg', quality });
      return new Uint8Array(await result.response().arrayBuffer());
    },
    async scaleToJpeg(bytes, width, height) {
      const result = await images
        .input(streamOf(bytes))
        .transform({ width, height, fit: 'scale-down' })
        .output({ format: 'image/jpeg', quality: 85 });
      return new Uint8Array(await result.response().arrayBuffer());
    },
    async scaleToPng(bytes, width, height) {
      // `squeeze`: exactly this size; the caller's size keeps the aspect to within a pixel. PNG:
      // lossless, so this is the only resampling the photo goes through (docs/performance.md).
      const result = await images.input(streamOf(bytes)).transform({ width, height, fit: 'squeeze' }).output({ format: 'image/png' });
      const body = result.response().body;
      if (!body) throw new Error('Images binding answered no body');
      return body;
    },
  };
}
