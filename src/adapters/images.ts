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
  };
}
