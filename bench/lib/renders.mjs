// In-Worker measurements: miss renders (our PNG encoder and resvg's asPng), cold starts, layer hits.
import { summary } from './stats.mjs';
import { waitForIdle } from './proc.mjs';

/** Stages reported by renderCard's `timings`; `renderMs` is the whole call, timed around it. */
const STAGES = ['fonts', 'headStart', 'layout', 'raster', 'png', 'encode', 'photo', 'scaleWait', 'composite'];

function stageSummary(samples) {
  const out = {
    renderMs: summary(samples.map((s) => s.renderMs)),
    totalMs: summary(samples.map((s) => s.totalMs)),
    wallMs: summary(samples.map((s) => s.wallMs)),
  };
  for (const stage of STAGES) {
    if (samples.some((s) => stage in s.timings)) out[stage] = summary(samples.map((s) => s.timings[stage] ?? 0));
  }
  return out;
}

/**
 * Miss renders of one card with both PNG encoders. Runs alternate the encoder order so drift on a shared
 * machine falls on both alike.
 */
export async function missRenders(bench, { name, article, template, variant, newPhoto = false }, { runs, warmup }) {
  const body = (encoding) => ({ article, template, variant, encoding, newPhoto });
  for (let i = 0; i < warmup; i++) for (const e of ['compact', 'resvg']) await bench.post('/__bench/render', body(e));
  const samples = { compact: [], resvg: [] };
  for (let i = 0; i < runs; i++) {
    for (const e of i % 2 ? ['resvg', 'compact'] : ['compact', 'resvg']) samples[e].push(await bench.post('/__bench/render', body(e)));
  }
  const bytes = (e) => samples[e][0].bytes;
  for (const e of ['compact', 'resvg']) {
    if (samples[e].some((s) => s.bytes !== bytes(e))) throw new Error(`${name} ${e}: the same card came out in different sizes`);
  }
  return {
    name,
    template,
    variant,
    articleId: article.id,
    contentType: samples.compact[0].contentType,
    compact: { bytes: bytes('compact'), ...stageSummary(samples.compact) },
    resvg: { bytes: bytes('resvg'), ...stageSummary(samples.resvg) },
    samples,
  };
}

/**
 * The photo and text cards of one article and variant rendered alternately, one for one (the order
 * turned every run), so that a shared machine's changing load falls on all alike; the photo
 * targets are ratios of them. The photo card twice: its photo kept from an earlier render (an edit, a
 * preview), and a photo new to the cache (an article's first card). The miss-render rows take each
 * card's 30 runs in a block of their own, half a minute apart, whose ratio moves with whatever else the
 * machine runs meanwhile.
 */
export async function pairedMissRenders(bench, { article, variant }, { runs, warmup }) {
  const kinds = ['photo', 'photoNew', 'text'];
  const body = (kind) => ({ article, template: kind === 'text' ? 'text' : 'photo', variant, newPhoto: kind === 'photoNew' });
  for (let i = 0; i < warmup; i++) for (const k of kinds) await bench.post('/__bench/render', body(k));
  const samples = { photo: [], photoNew: [], text: [] };
  for (let i = 0; i < runs; i++) {
    const order = [...kinds.slice(i % 3), ...kinds.slice(0, i % 3)];
    for (const k of order) samples[k].push((await bench.post('/__bench/render', body(k))).renderMs);
  }
  return { variant, articleId: article.id, photo: summary(samples.photo), photoNew: summary(samples.photoNew), text: summary(samples.text), samples };
}

/** Renders of the same card after the cold one in the same isolate; the last `WARM_KEPT` are its warm figure. */
const WARM_AFTER = 8;
const WARM_KEPT = 3;

/**
 * The first card render of `runs` fresh isolates (the runtime restarted before each). `afterPage`: the
 * isolate first serves a request that renders nothing (as a crawler reads the article page before its
 * og:image), and its warm-up is let finish before the card is asked for. Each isolate then renders the
 * same card `WARM_AFTER` times more: the median of the last `WARM_KEPT` is the warm render the cold one
 * is compared with, taken minutes apart from nothing else, so a shared machine's changing load falls
 * on both alike (`warm`).
 */
export async function coldStarts(bench, { article, template, variant }, { runs, afterPage = false }) {
  const samples = [];
  const warm = [];
  // How long the runtime takes to restart (bundling, starting workerd, loading the module with its
  // module-load warm-up): the isolate's start-up, among other things.
  const restarts = [];
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await bench.freshIsolate();
    restarts.push(performance.now() - t);
    await waitForIdle({ quietMs: 300 });
    if (afterPage) {
      await bench.getText('/__bench/page');
      await waitForIdle({ quietMs: 300 });
    }
    const s = await bench.post('/__bench/render', { article, template, variant });
    if (s.firstRequest === afterPage) throw new Error(`cold start: the card was ${afterPage ? '' : 'not '}the isolate's first request`);
    samples.push(s);
    const after = [];
    for (let k = 0; k < WARM_AFTER; k++) after.push((await bench.post('/__bench/render', { article, template, variant })).renderMs);
    warm.push(median(after.slice(-WARM_KEPT)));
  }
  // How many isolates had finished their module-load warm-up when the card request arrived.
  const moduleWarmedUp = samples.filter((s) => s.moduleWarmedUp).length;
  return { template, variant, articleId: article.id, afterPage, moduleWarmedUp, restartMs: summary(restarts), ...stageSummary(samples), warmRenderMs: summary(warm), samples, warmSamples: warm };
}

/** Cache API and R2 hits of one card through deliverCard (alternating), after storing it in both. */
export async function layerHits(bench, { name, article, template, variant }, { runs, warmup }) {
  const body = { article, template, variant };
  await bench.post('/__bench/hit/cache?prepare', body);
  const layers = ['cache', 'r2'];
  for (let i = 0; i < warmup; i++) for (const l of layers) await bench.post(`/__bench/hit/${l}`, body);
  const samples = { cache: [], r2: [] };
  for (let i = 0; i < runs; i++) for (const l of i % 2 ? [...layers].reverse() : layers) samples[l].push(await bench.post(`/__bench/hit/${l}`, body));
  const of = (l) => ({
    lookupMs: summary(samples[l].map((s) => s.lookupMs)),
    bodyMs: summary(samples[l].map((s) => s.bodyMs)),
    wallMs: summary(samples[l].map((s) => s.wallMs)),
    bytes: samples[l][0].bytes,
  });
  return { name, template, variant, cache: of('cache'), r2: of('r2'), samples };
}
