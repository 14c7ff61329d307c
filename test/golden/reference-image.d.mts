export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}
export const GOLDEN_SCALE: number;
export function rgba(png: Uint8Array): RgbaImage;
export function downscale(image: RgbaImage, factor?: number): RgbaImage;
export function referencePixels(png: Uint8Array): RgbaImage;
export function toReference(png: Uint8Array): Uint8Array;
