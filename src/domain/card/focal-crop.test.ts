import { describe, expect, it } from 'vitest';
import { coverPlacement, coverSize } from './focal-crop';

describe('coverPlacement', () => {
  it('scales to cover the box and centres by default', () => {
    expect(coverPlacement({ width: 1200, height: 800 }, { width: 600, height: 630 })).toEqual({ width: 945, height: 630, left: -173, top: 0 });
  });

  it('keeps the focal point in frame and never leaves an edge uncovered', () => {
    const box = { width: 1200, height: 640 };
    const tall = { width: 800, height: 1200 };
    const low = coverPlacement(tall, box, { x: 0.5, y: 0.7 });
    expect(low.width).toBe(1200);
    expect(low.height).toBe(1800);
    // Focal point at 70% of 1800 = 1260 is drawn at the box's vertical centre (320).
    expect(low.top).toBe(-(1260 - 320));
    const bottom = coverPlacement(tall, box, { x: 0.5, y: 1 });
    expect(bottom.top).toBe(-(1800 - 640));
    const top = coverPlacement(tall, box, { x: 0, y: 0 });
    expect(top).toMatchObject({ left: 0, top: 0 });
  });
});

describe('coverSize', () => {
  it('is the smallest size that covers the box, never an enlargement', () => {
    expect(coverSize({ width: 4000, height: 3000 }, { width: 600, height: 630 })).toEqual({ width: 840, height: 630 });
    expect(coverSize({ width: 400, height: 300 }, { width: 600, height: 630 })).toEqual({ width: 400, height: 300 });
  });
});
