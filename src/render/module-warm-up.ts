import { Resvg } from '@resvg/resvg-wasm';
import satori from 'satori/standalone';
import { BUNDLED_FONTS } from './bundled-fonts';
import { warmUpMeasurer } from './fonts';
import { warmUpPixelPasses } from './png-encoder';
import { resvgReady, satoriReady } from './wasm';

/**
 * Work started when the module loads, so that the first card an isolate renders does not pay it
 * (docs/performance.md, "Cold isolates"). Only what needs no I/O, which a Worker may not do outside a
 * request [limits]: instantiating satori's yoga and resvg from their compiled modules; parsing the
 * bundled Latin subsets and measuring a line with them (our measurer); laying out a card-like tree of
 * Latin text with satori (its text path: font parsing, line breaking, glyph outlines) and an embedded
 * logo with rounded corners (masks, a clip path); rasterising satori's SVG with resvg at an eighth of
 * the card's width; and running our PNG encoder's pixel passes over those pixels. Running them gets
 * their code compiled (V8 compiles wasm and JavaScript functions when first called) and counted
 * towards optimisation. A failure is ignored: the first render then simply pays the cost itself, and
 * reports any real error.
 *
 * [limits] https://developers.cloudflare.com/workers/platform/limits/ (no I/O in global scope,
 * start-up time)
 */

/** Settles when the module-load warm-up has run (true) or failed (false; the error is dropped). */
export const moduleWarmUp: Promise<boolean> = Promise.all([satoriReady(), resvgReady()])
  .then(warmUp)
  .then(
    () => true,
    () => false,
  );

const HEADLINE = 'Warming up: the quick brown fox jumps over the lazy dog, 0123456789 “quoted” — done';
const DECK = 'Pack my box with five dozen liquor jugs; sphinx of black quartz, judge my vow.';
const LOGO = `data:image/svg+xml;base64,${btoa(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="8" fill="#0b3d91"/><path d="M12 48V16h8l12 18 12-18h8v32h-8V30L32 46 20 30v18z" fill="#fff"/></svg>',
)}`;

async function warmUp(): Promise<void> {
  warmUpMeasurer(HEADLINE);
  const [serif, sans, sansBold] = [...BUNDLED_FONTS.values()] as [ArrayBuffer, ArrayBuffer, ArrayBuffer];
  const box = (style: Record<string, unknown>, children: unknown[] | string = []) => ({ type: 'div', props: { style: { display: 'flex', ...style }, children } });
  const element = box({ width: 1200, height: 630, flexDirection: 'column', background: '#f7f4ec' }, [
    box({ height: 8, background: '#0b3d91' }),
    box({ flexDirection: 'column', padding: '44px 64px 48px', flexGrow: 1 }, [
      box({ height: 45, justifyContent: 'space-between', alignItems: 'center' }, [
        { type: 'img', props: { src: LOGO, width: 45, height: 45, style: { borderRadius: 4 } } },
        box({ fontFamily: 'sans', fontWeight: 700, fontSize: 20, letterSpacing: 2, color: '#0b3d91' }, 'THE WARM-UP'),
      ]),
      box({ height: 2, marginTop: 12, background: '#111111' }),
      box({ flexDirection: 'column', flexGrow: 1, overflow: 'hidden', marginTop: 24 }, [
        box({ fontFamily: 'serif', fontWeight: 700, fontSize: 60, lineHeight: 1.1, color: '#111111' }, HEADLINE),
        box({ fontFamily: 'sans', fontWeight: 400, fontSize: 28, lineHeight: 1.3, color: 'rgba(0,0,0,0.7)', marginTop: 16 }, DECK),
      ]),
    ]),
  ]);
  const svg = await satori(element as never, {
    width: 1200,
    height: 630,
    fonts: [
      { name: 'serif', data: serif, weight: 700, style: 'normal' },
      { name: 'sans', data: sans, weight: 400, style: 'normal' },
      { name: 'sans', data: sansBold, weight: 700, style: 'normal' },
    ],
  });
  // An eighth of the card's width: the same code runs, for a sixty-fourth of the pixels, which keeps
  // the warm-up's CPU time modest (start-up time is limited [limits]; bench/module-load.mjs measures it).
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: 150 }, font: { loadSystemFonts: false } });
  let raster: { pixels: Uint8Array; width: number; height: number };
  try {
    const image = resvg.render();
    try {
      raster = { pixels: image.pixels, width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
  warmUpPixelPasses(raster.pixels, raster.width, raster.height);
}
