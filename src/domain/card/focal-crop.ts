export interface Size {
  width: number;
  height: number;
}

/** Where to draw an image so it covers a box: its drawn size and its offset inside the box (<= 0). */
export interface CoverPlacement extends Size {
  left: number;
  top: number;
}

/**
 * Scales `image` to cover `box` (CSS `object-fit: cover`) and shifts it so the focal point, given as
 * fractions of the image's width and height, is as close to the box's centre as the edges allow.
 */
export function coverPlacement(image: Size, box: Size, focal = { x: 0.5, y: 0.5 }): CoverPlacement {
  const scale = Math.max(box.width / image.width, box.height / image.height);
  // Round up so that rounding never leaves a hairline of background at an edge.
  const width = Math.ceil(image.width * scale);
  const height = Math.ceil(image.height * scale);
  const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);
  const left = clamp(Math.round(focal.x * width - box.width / 2), width - box.width);
  const top = clamp(Math.round(focal.y * height - box.height / 2), height - box.height);
  return { width, height, left: 0 - left, top: 0 - top }; // 0 - x: never -0
}

/** The size at which `image` just covers `box`, never larger than the image itself. */
export function coverSize(image: Size, box: Size): Size {
  const scale = Math.min(1, Math.max(box.width / image.width, box.height / image.height));
  return { width: Math.ceil(image.width * scale), height: Math.ceil(image.height * scale) };
}
