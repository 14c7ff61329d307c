import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONTS } from '../src/render/bundled-fonts';

// The bundled subsets stand in for the static assets of the same path (src/render/fonts.ts reads them
// instead): they must be the very bytes the build copies, or a card would be measured with one font and
// drawn with another after a font package update.
describe('bundled fonts', () => {
  it('are the bytes of the static asset at the same path', async () => {
    expect(BUNDLED_FONTS.size).toBe(3);
    for (const [path, data] of BUNDLED_FONTS) {
      const res = await env.ASSETS.fetch(new Request(new URL(path, 'https://assets.invalid')));
      expect(res.status, path).toBe(200);
      const asset = new Uint8Array(await res.arrayBuffer());
      expect(data.byteLength, path).toBe(asset.byteLength);
      expect(new Uint8Array(data).every((b, i) => b === asset[i]), path).toBe(true);
    }
  });

  it('are named in the font manifest', async () => {
    const res = await env.ASSETS.fetch(new Request('https://assets.invalid/fonts/manifest.json'));
    const manifest = JSON.stringify(await res.json());
    for (const path of BUNDLED_FONTS.keys()) expect(manifest).toContain(JSON.stringify(path));
  });
});
