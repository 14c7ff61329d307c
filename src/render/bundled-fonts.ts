import serifLatin700 from '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff';
import sansLatin400 from '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff';
import sansLatin700 from '@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff';

/**
 * The Latin subsets of the house faces (headline, text, bold text), bundled with the Worker as Data
 * modules (wrangler.toml `[[rules]]`: an ArrayBuffer, no I/O), keyed by the asset path the font manifest
 * gives them (the same files the build copies into the static assets; test/bundled-fonts.test.ts checks
 * they are the same bytes). 66 KB in all. They let the module-load warm-up run satori's text path
 * (src/render/module-warm-up.ts), where a Worker may do no I/O [limits], and the first card of an
 * isolate finds them parsed: satori and our measurer key their parsed fonts by the ArrayBuffer, and
 * these buffers live as long as the isolate. See docs/performance.md, "Cold isolates".
 *
 * [limits] https://developers.cloudflare.com/workers/platform/limits/ (no I/O in global scope)
 */
export const BUNDLED_FONTS: ReadonlyMap<string, ArrayBuffer> = new Map([
  ['/fonts/source-serif-4-latin-700-normal.woff', dataModule(serifLatin700)],
  ['/fonts/source-sans-3-latin-400-normal.woff', dataModule(sansLatin400)],
  ['/fonts/source-sans-3-latin-700-normal.woff', dataModule(sansLatin700)],
]);

// Vite's client types (through the test plugin's) declare `*.woff` imports as URL strings; wrangler's
// Data rule makes them ArrayBuffers. Anything else is a build set up wrongly.
function dataModule(value: unknown): ArrayBuffer {
  if (!(value instanceof ArrayBuffer)) throw new TypeError('a bundled font is not a Data module (wrangler.toml [[rules]])');
  return value;
}
