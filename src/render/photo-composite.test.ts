import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { compositeUnder, rgbOf } from './photo-composite';
import { PngDecodeError } from './png-decoder';

const stream = (bytes: Uint8Array) => new Blob([bytes]).stream();

describe('compositeUnder', () => {
  it('draws the photo at its offset under the card, premultiplied "over", only inside the box', async () => {
    // A 4x2 card; the box is its right half (x 2-3). Pixel (2,0) is clear, (3,0) half-covered black
    // (premultiplied: 0,0,0,128), (2,1) opaque white, (3,1) clear. Left half: opaque grey.
    const card = new Uint8Array([
      90, 90, 90, 255, 90, 90, 90, 255, 0, 0, 0, 0, 0, 0, 0, 128,
      90, 90, 90, 255, 90, 90, 90, 255, 255, 255, 255, 255, 0, 0, 0, 0,
    ]);
    // A 3x3 RGB photo placed at left -1, top -1: the box shows its lower right 2x2.
    const photo = new Uint8Array(27);
    for (let i = 0; i < 9; i++) photo.set([i * 10, 100 + i, 200], i * 3);
    const png = encode({ width: 3, height: 3, data: photo, channels: 3, depth: 8 });
    await compositeUnder(card, 4, { x: 2, y: 0, width: 2, height: 2 }, { width: 3, height: 3, left: -1, top: -1 }, stream(png), [0, 0, 0]);
    const px = (x: number, y: number) => [...card.subarray((y * 4 + x) * 4, (y * 4 + x) * 4 + 4)];
    expect(px(0, 0)).toEqual([90, 90, 90, 255]);
    expect(px(2, 0)).toEqual([40, 104, 200, 255]); // photo pixel (1,1)
    expect(px(3, 0)).toEqual([Math.round((50 * 127) / 255), Math.round((105 * 127) / 255), Math.round((200 * 127) / 255), 255]); // (2,1) under half black
    expect(px(2, 1)).toEqual([255, 255, 255, 255]); // opaque card pixel wins
    expect(px(3, 1)).toEqual([80, 108, 200, 255]); // photo pixel (2,2)
  });

  it('sets translucent photo pixels on the backdrop first', async () => {
    const card = new Uint8Array(4);
    const png = encode({ width: 1, height: 1, data: new Uint8Array([200, 100, 0, 51]), channels: 4, depth: 8 });
    await compositeUnder(card, 1, { x: 0, y: 0, width: 1, height: 1 }, { width: 1, height: 1, left: 0, top: 0 }, stream(png), rgbOf('#0a141e'));
    expect([...card]).toEqual([Math.round((200 * 51 + 10 * 204) / 255), Math.round((100 * 51 + 20 * 204) / 255), Math.round((30 * 204) / 255), 255]);
  });

  it('refuses a photo of another size than its placement', async () => {
    const png = encode({ width: 2, height: 2, data: new Uint8Array(12), channels: 3, depth: 8 });
    await expect(
      compositeUnder(new Uint8Array(16), 2, { x: 0, y: 0, width: 2, height: 2 }, { width: 3, height: 2, left: 0, top: 0 }, stream(png), [0, 0, 0]),
    ).rejects.toBeInstanceOf(PngDecodeError);
  });
});
