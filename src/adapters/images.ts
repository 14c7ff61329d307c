import type { ImageCodec } from '../domain/card';

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new Blob([bytes]).stream();
}

/**
 * `bytes` as one chunk, calling `onRead` when the reader asks for more after it: the whole input has
 * then been read (a pull stream with no queue is only pulled when read).
 */
function watchedStreamOf(bytes: Uint8Array, onRead: () => void): ReadableStream<Uint8Array> {
  let pulls = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulls++ === 0) return controller.enqueue(bytes);
        controller.close();
        onRead();
      },
    },
    { highWaterMark: 0 },
  );
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
    async scaleToPng(bytes, width, height, onInputRead) {
      // `squeeze`: exactly this size; the caller's size keeps the aspect to within a pixel. PNG:
      // lossless, so this is the only resampling the photo goes through (docs/performance.md).
      const input = onInputRead ? watchedStreamOf(bytes, onInputRead) : streamOf(bytes);
      const result = await images.input(input).transform({ width, height, fit: 'squeeze' }).output({ format: 'image/png' });
      const body = result.response().body;
      if (!body) throw new Error('Images binding answered no body');
      return body;
    },
  };
}
