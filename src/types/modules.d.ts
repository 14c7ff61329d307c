// satori's fork of opentype.js ships no types; only what src/render/ uses is declared.
declare module '@shuding/opentype.js' {
  export interface Font {
    unitsPerEm: number;
    charToGlyphIndex(char: string): number;
    getAdvanceWidth(text: string, fontSize: number, options?: Record<string, unknown>): number;
    charToGlyph(char: string): { advanceWidth?: number; getMetrics(): { xMin: number; xMax: number } };
  }
  export function parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font;
  const opentype: { parse: typeof parse };
  export default opentype;
}

// linebreak (UAX #14) ships no types; only what src/domain/typography/line-break.ts uses is declared.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity: a UTF-16 offset, `required` for mandatory breaks (BK, CR, LF, NL). */
    nextBreak(): { position: number; required: boolean } | null;
  }
}

declare module 'arabic-persian-reshaper' {
  export const ArabicShaper: { convertArabic(text: string): string };
}

// The runtime's node:zlib (nodejs_compat, native zlib); only what src/render/png-encoder.ts uses is declared.
declare module 'node:zlib' {
  export function deflateSync(data: Uint8Array, options?: { level?: number }): Uint8Array;
}
