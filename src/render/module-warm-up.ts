import { Resvg } from '@resvg/resvg-wasm';
import satori from 'satori/standalone';
import { resvgReady, satoriReady } from './wasm';

/**
 * Work started when the module loads, so that the first card an isolate renders does not pay it
 * (docs/performance.md, "Cold isolates"). Only what needs no I/O, which a Worker may not do outside a
 * request [limits]: instantiating satori's yoga and resvg from their compiled modules, laying out a
 * tree of boxes with satori (no text: fonts are static assets), and rasterising, at a quarter of a
 * card's size, an SVG made of what satori writes for a card (rectangles, masks, a clip path, an
 * embedded SVG image, filled glyph-like outlines). Running them gets their code compiled (V8 compiles
 * wasm and JavaScript functions when first called) and counted towards optimisation. A failure is
 * ignored: the first render then simply pays the cost itself, and reports any real error.
 *
 * [limits] https://developers.cloudflare.com/workers/platform/limits/ (no I/O in global scope,
 * start-up time)
 */

/** Settles when the module-load warm-up has run (or failed). */
export const moduleWarmUp: Promise<void> = Promise.all([satoriReady().then(layoutBoxes), resvgReady().then(rasteriseCardLike)]).then(
  () => undefined,
  () => undefined,
);

async function layoutBoxes(): Promise<void> {
  const box = (style: Record<string, unknown>, children: unknown[] = []) => ({ type: 'div', props: { style: { display: 'flex', ...style }, children } });
  const element = box({ width: 1200, height: 630, flexDirection: 'column', background: '#f7f4ec' }, [
    box({ height: 8, background: '#0b3d91' }),
    box({ flexDirection: 'column', padding: '44px 64px 48px', flexGrow: 1 }, [
      box({ height: 45, justifyContent: 'space-between' }, [box({ width: 45, height: 45, borderRadius: 4, background: '#0b3d91' }), box({ width: 200, height: 20 })]),
      box({ height: 2, marginTop: 12, background: '#111111' }),
      box({ flexDirection: 'column', flexGrow: 1, overflow: 'hidden' }, [box({ height: 60 }), box({ height: 60, position: 'relative', left: 2 })]),
    ]),
  ]);
  await satori(element as never, { width: 1200, height: 630, fonts: [] });
}

/** A glyph-like closed outline of quadratic and cubic curves at (x, y), `size` pixels high. */
function glyph(x: number, y: number, size: number): string {
  const s = size / 10;
  return (
    `M${x},${y}Q${x + 3 * s},${y - 10 * s} ${x + 6 * s},${y}L${x + 5 * s},${y}` +
    `C${x + 4.5 * s},${y - 4 * s} ${x + 1.5 * s},${y - 4 * s} ${x + 1 * s},${y}Z` +
    `M${x + 2 * s},${y - 2 * s}h${2 * s}v${-s}h${-2 * s}Z`
  );
}

function rasteriseCardLike(): void {
  const logo = btoa('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="8" fill="#0b3d91"/><path d="M12 48V16h8l12 18 12-18h8v32h-8V30L32 46 20 30v18z" fill="#fff"/></svg>');
  let text = '';
  for (let line = 0; line < 6; line++) for (let i = 0; i < 30; i++) text += glyph(64 + i * 34, 230 + line * 64, 52);
  const svg =
    // Drawn at a quarter of the card's size: the same code runs, for a sixteenth of the pixels, which
    // keeps this well within the start-up limit.
    '<svg width="300" height="158" viewBox="0 0 1200 630" xmlns="http://www.w3.org/2000/svg">' +
    '<mask id="m"><rect x="0" y="0" width="1200" height="630" fill="#fff"/></mask>' +
    '<rect x="0" y="0" width="1200" height="630" fill="#f7f4ec"/><rect x="0" y="0" width="1200" height="8" fill="#0b3d91"/>' +
    '<clipPath id="c"><path d="M68,56 h37 a4,4 0 0 1 4,4 v37 a4,4 0 0 1 -4,4 h-37 a4,4 0 0 1 -4,-4 v-37 a4,4 0 0 1 4,-4"/></clipPath>' +
    `<image x="64" y="56" width="45" height="45" clip-path="url(#c)" href="data:image/svg+xml;base64,${logo}"/>` +
    `<g mask="url(#m)"><path fill="#111111" d="${text}"/><path fill="rgba(0,0,0,0.55)" d="${glyph(900, 600, 24)}"/></g>` +
    '<rect x="64" y="590" width="1072" height="2" fill="#111111"/></svg>';
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  try {
    resvg.render().free();
  } finally {
    resvg.free();
  }
}
