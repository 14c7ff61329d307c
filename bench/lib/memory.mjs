// Memory of the Worker over many renders of distinct cards, sampled every `every` renders: the isolate's
// V8 heap (inspector), its wasm linear memories (bench worker), and the resident memory of the whole
// workerd process (/proc; it also holds wrangler's local R2, D1 and cache services).
import { connectInspector } from './inspector.mjs';
import { rssBytes, waitForIdle, workerRuntimePid } from './proc.mjs';
import { slope } from './stats.mjs';

/** How far the peak of the last 40% of samples rises above the peak before them (0.03: 3%). */
function lateRise(samples, key) {
  const cut = Math.floor(samples.length * 0.6);
  const early = Math.max(...samples.slice(0, cut).map((s) => s[key]));
  const late = Math.max(...samples.slice(cut).map((s) => s[key]));
  return (late - early) / early;
}

// Emoji added to some headlines, so the emoji cache meets more than the fixtures' own.
const EMOJI = ['🎉', '🌸', '🇯🇵', '👩🏽‍💻', '🏳️‍🌈', '⚽', '🔥', '🗳️', '🌊', '📈', '🎏', '👨‍👩‍👧'];

/**
 * The renders of the memory run: every published fixture (so every script and emoji the fixtures hold,
 * whatever fixtures there are) with each template it can take, in both variants, taken in turn with a
 * distinct suffix; every seventh headline gains an emoji. In the middle, a burst of `burst` renders of
 * one article whose headline changes each time, as a live preview while an editor types.
 */
export function memoryPlan(fixtures, { renders, burst }) {
  const published = fixtures.filter((a) => a.status === 'published');
  const cards = published.flatMap((article) =>
    (article.image ? ['photo', 'text'] : ['text']).flatMap((template) => ['og', 'square'].map((variant) => ({ article, template, variant }))),
  );
  const previewed = published.find((a) => a.image) ?? published[0];
  const typed = `${previewed.headline} as the editor keeps typing a longer and longer headline for the preview`;
  const burstStart = Math.floor((renders - burst) / 2);
  const plan = [];
  for (let i = 1; i <= renders; i++) {
    const k = i - 1 - burstStart;
    if (k >= 0 && k < burst) {
      const headline = typed.slice(0, Math.max(12, Math.round((typed.length * (k + 1)) / burst)));
      plan.push({ article: { ...previewed, headline, socialHeadline: undefined }, template: previewed.image ? 'photo' : 'text', variant: 'og', suffix: '', preview: true });
      continue;
    }
    const card = cards[(i - 1) % cards.length];
    plan.push({ ...card, suffix: `#${i}${i % 7 === 0 ? ` ${EMOJI[(i / 7) % EMOJI.length]}` : ''}` });
  }
  return { plan, cards: cards.map((c) => `${c.article.id} ${c.template} ${c.variant}`), burst: { start: burstStart + 1, end: burstStart + burst, article: previewed.id } };
}

export async function memoryRun(bench, fixtures, { renders, every, burst }) {
  const { plan, cards, burst: burstAt } = memoryPlan(fixtures, { renders, burst });
  await bench.freshIsolate();
  await waitForIdle({ quietMs: 300 });
  const inspector = await connectInspector(await bench.inspectorUrl());
  const samples = [];
  // What the isolate really holds, every 100 renders, at the end of the preview burst and at the end:
  // the heap after a full collection, forced by a heap snapshot. The forced collection also empties the
  // garbage the `samples` right after it would have seen, so these are taken after the regular sample.
  const live = [];
  const liveSample = async (done) => {
    const heap = await inspector.liveHeapUsage();
    const wasmBytes = (await bench.get('/__bench/wasm-memory')).reduce((sum, m) => sum + m.bytes, 0);
    live.push({
      renders: done,
      heapUsedBytes: heap.usedSize,
      backingStorageBytes: heap.backingStorageSize ?? 0,
      wasmBytes,
      // Everything live: V8 heap, ArrayBuffer backing stores outside it, wasm memories.
      isolateBytes: heap.usedSize + (heap.backingStorageSize ?? 0) + wasmBytes,
      // The font cache (src/render/fonts.ts): weighted bytes held, subsets held, subsets read so far.
      fontCache: await bench.get('/__bench/font-cache'),
    });
  };
  const sample = async (done) => {
    const heap = await inspector.heapUsage();
    const wasm = await bench.get('/__bench/wasm-memory');
    const wasmBytes = wasm.reduce((sum, m) => sum + m.bytes, 0);
    samples.push({
      renders: done,
      rssBytes: rssBytes(workerRuntimePid()),
      heapUsedBytes: heap.usedSize,
      heapTotalBytes: heap.totalSize,
      backingStorageBytes: heap.backingStorageSize ?? null,
      wasm,
      wasmBytes,
      // What the isolate holds: live V8 heap (garbage included until V8 collects it) and wasm memories.
      isolateBytes: heap.usedSize + wasmBytes,
    });
  };
  try {
    await sample(0);
    for (let i = 1; i <= renders; i++) {
      const r = plan[i - 1];
      await bench.post('/__bench/render', { article: r.article, template: r.template, variant: r.variant, suffix: r.suffix });
      if (i % every === 0 || i === renders || i === burstAt.start - 1 || i === burstAt.end) await sample(i);
      if (i % 100 === 0 || i === renders || i === burstAt.end) await liveSample(i);
    }
  } finally {
    inspector.close();
  }
  const late = samples.filter((s) => s.renders >= renders * 0.6);
  const kbPerRender = (key) => slope(late.map((s) => s.renders), late.map((s) => s[key])) / 1024;
  const rise = { rss: lateRise(samples, 'rssBytes'), isolate: lateRise(samples, 'isolateBytes'), heapUsed: lateRise(samples, 'heapUsedBytes') };
  return {
    renders,
    cards,
    burst: burstAt,
    samples,
    lateRise: rise,
    lateKbPerRender: { rss: kbPerRender('rssBytes'), isolate: kbPerRender('isolateBytes'), heapUsed: kbPerRender('heapUsedBytes') },
    peakRssBytes: Math.max(...samples.map((s) => s.rssBytes)),
    peakIsolateBytes: Math.max(...samples.map((s) => s.isolateBytes)),
    live,
    peakLiveBytes: Math.max(...live.map((s) => s.isolateBytes)),
    liveLateRise: lateRise(live, 'isolateBytes'),
    // Bounded: over the last 40% of the renders neither the process nor the isolate sets a new peak more
    // than 5% above the one reached before.
    levelsOff: rise.rss < 0.05 && rise.isolate < 0.05,
  };
}
