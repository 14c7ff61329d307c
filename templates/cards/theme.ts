import type { LabelTone } from '../../src/domain/card';

/** Newsprint palette shared by the card templates. */
export const PAPER = '#f7f4ec';
export const INK = '#16181c';
export const MUTED = '#5a5e66';
export const HAIRLINE = '#c9c2b2';

/** Label colours: red for urgent news, a dark teal for opinion, the brand colour otherwise. */
export function labelColour(tone: LabelTone, themeColor: string): string {
  if (tone === 'alert') return '#c8102e';
  if (tone === 'opinion') return '#1d5c57';
  return themeColor;
}
