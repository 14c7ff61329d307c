// The site's default share image (1200x630 PNG, and 1200x1200 for square card URLs), used when an article has no card yet or a render
// fails. Drawn with satori and resvg at build time from the brand settings in wrangler.toml.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori from 'satori';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { decode } from 'fast-png';
import jpeg from 'jpeg-js';

const require = createRequire(import.meta.url);

/** resvg's initWasm may run once per process; both sizes share it. */
let resvgReady;

export async function renderDefaultImage({ siteName, themeColor, logoSvg, width = 1200, height = 630 }) {
  const font = await readFile(require.resolve('@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff'));
  resvgReady ??= initWasm(readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  await resvgReady;
  const logo = `data:image/svg+xml;base64,${Buffer.from(logoSvg).toString('base64')}`;
  const el = (type, style, children) => ({ type, props: { style, children } });
  const svg = await satori(
    el('div', { width: '100%', height: '100%', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', background: themeColor, color: '#fff', fontFamily: 'Serif' }, [
      { type: 'img', props: { src: logo, width: 180, height: 180, style: { borderRadius: 16, border: '4px solid #fff' } } },
      el('div', { marginTop: 40, fontSize: 84, fontWeight: 700 }, siteName),
      el('div', { marginTop: 24, width: 360, height: 4, background: '#fff', opacity: 0.6 }),
    ]),
    { width, height, fonts: [{ name: 'Serif', data: font, weight: 700, style: 'normal' }] },
  );
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' } });
  const png = resvg.render().asPng();
  resvg.free();
  return png;
}

/** The default image as a JPEG (quality 90), for card URLs that end in .jpg. */
export function pngToJpeg(png) {
  const image = decode(png);
  const { width, height, channels } = image;
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    rgba[i * 4] = image.data[j];
    rgba[i * 4 + 1] = image.data[j + (channels >= 3 ? 1 : 0)];
    rgba[i * 4 + 2] = image.data[j + (channels >= 3 ? 2 : 0)];
    rgba[i * 4 + 3] = 255;
  }
  return jpeg.encode({ data: rgba, width, height }, 90).data;
}
