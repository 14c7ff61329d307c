// The @vercel/og comparison of `npm run bench`, run in Node (bundled by bench/lib/vercel-og.mjs).
// @vercel/og cannot run in workerd as shipped: its edge build fetches its fallback font with
// `fetch(new URL('./Geist-Regular.ttf', import.meta.url))` while the module loads, which workerd
// refuses (no I/O outside a request, no file URLs). So both renderers run here, in one Node process,
// alternating, on the same element tree (our template, laid out with our fonts) at the same size.
import { ImageResponse } from '@vercel/og';
import { articleSchema } from '../../src/domain/article';
import { buildCardInput, type AssetReader, type CardTemplate, type CardVariant, type PhotoSource } from '../../src/domain/card';
import { parseSiteConfig } from '../../src/domain/site';
import { cardTree } from '../../src/render/card-tree';
import { renderCard } from '../../src/render/render-card';

export interface CompareOptions {
  /** Reads dist/assets (the caller's file system). */
  assets: AssetReader;
  vars: Record<string, unknown>;
  article: unknown;
  template: CardTemplate;
  variant: CardVariant;
  runs: number;
  warmup: number;
}

export interface Sample {
  ms: number;
  bytes: number;
  /** Our renderer's stage timings (ms). */
  timings?: Record<string, number>;
}

const noPhotos: PhotoSource = { get: async () => ({ ok: false, reason: 'text cards only' }) };

/** `runs` renders of one text card with each renderer (after `warmup` each), order alternating. */
export async function compare(o: CompareOptions): Promise<{ ours: Sample[]; vercelOg: Sample[] }> {
  const { assets } = o;
  const input = buildCardInput(articleSchema.parse(o.article), parseSiteConfig(o.vars), o.variant, o.template);
  const ours = async (): Promise<Sample> => {
    const t = performance.now();
    const card = await renderCard(input, { assets, photos: noPhotos });
    return { ms: performance.now() - t, bytes: card.bytes.byteLength, timings: card.timings };
  };
  const vercelOg = async (): Promise<Sample> => {
    const t = performance.now();
    // The tree and fonts our renderer would hand satori; @vercel/og adds its own fallback font.
    const tree = await cardTree(input, assets, {});
    const { width, height, fonts } = tree.options;
    const res = new ImageResponse(tree.element as never, { width, height, fonts: fonts as never, emoji: 'twemoji' });
    const bytes = (await res.arrayBuffer()).byteLength;
    return { ms: performance.now() - t, bytes };
  };
  const samples = { ours: [] as Sample[], vercelOg: [] as Sample[] };
  for (let i = 0; i < o.warmup; i++) {
    await ours();
    await vercelOg();
  }
  for (let i = 0; i < o.runs; i++) {
    if (i % 2) {
      samples.vercelOg.push(await vercelOg());
      samples.ours.push(await ours());
    } else {
      samples.ours.push(await ours());
      samples.vercelOg.push(await vercelOg());
    }
  }
  return samples;
}
