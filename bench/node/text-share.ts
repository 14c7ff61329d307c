// The stages of one text card's render, taken apart, with and without its text (bench/text-share.mjs).
// Satori told not to embed fonts writes `<text>` elements instead of glyph outlines, and resvg, given
// no fonts, draws none of them: the card without its text, laid out the same. What the text costs each
// stage is the difference (docs/performance.md, "The ratio targets together").
import satori, { type SatoriOptions } from 'satori/standalone';
import { articleSchema } from '../../src/domain/article';
import { buildCardInput, type AssetReader, type CardTemplate, type CardVariant } from '../../src/domain/card';
import { parseSiteConfig } from '../../src/domain/site';
import { cardTree } from '../../src/render/card-tree';
import { encodePng } from '../../src/render/png-encoder';
import { renderPixels } from '../../src/render/rasterise';
import { satoriReady } from '../../src/render/wasm';

export interface StageSample {
  /** Milliseconds: our fitting (the tree), satori, resvg, our PNG encoder. */
  fitting: number;
  satori: number;
  resvg: number;
  png: number;
  svgBytes: number;
  pngBytes: number;
}

/** `runs` renders of one card, stage by stage, with the text drawn (`withText`) or left out. */
export async function stages(o: {
  assets: AssetReader;
  vars: Record<string, unknown>;
  article: unknown;
  template: CardTemplate;
  variant: CardVariant;
  runs: number;
  withText: boolean;
}): Promise<StageSample[]> {
  const input = buildCardInput(articleSchema.parse(o.article), parseSiteConfig(o.vars), o.variant, o.template);
  await satoriReady();
  const samples: StageSample[] = [];
  for (let i = 0; i < o.runs; i++) {
    const t0 = performance.now();
    const tree = await cardTree(input, o.assets, {});
    const t1 = performance.now();
    const svg = await satori(tree.element, { ...tree.options, embedFont: o.withText } as SatoriOptions);
    const t2 = performance.now();
    const { pixels, width, height } = await renderPixels(svg);
    const t3 = performance.now();
    const png = await encodePng(pixels, width, height);
    const t4 = performance.now();
    samples.push({ fitting: t1 - t0, satori: t2 - t1, resvg: t3 - t2, png: t4 - t3, svgBytes: svg.length, pngBytes: png.byteLength });
  }
  return samples;
}
