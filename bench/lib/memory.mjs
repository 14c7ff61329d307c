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

export async function memoryRun(bench, cards, { renders, every }) {
  await bench.freshIsolate();
  await waitForIdle({ quietMs: 300 });
  const inspector = await connectInspector(await bench.inspectorUrl());
  const samples = [];
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
      // A distinct card each time: the headline carries the render's number.
      const card = cards[(i - 1) % cards.length];
      await bench.post('/__bench/render', { article: card.article, template: card.template, variant: card.variant, suffix: `#${i}` });
      if (i % every === 0 || i === renders) await sample(i);
    }
  } finally {
    inspector.close();
  }
  const late = samples.filter((s) => s.renders >= renders * 0.6);
  const kbPerRender = (key) => slope(late.map((s) => s.renders), late.map((s) => s[key])) / 1024;
  const rise = { rss: lateRise(samples, 'rssBytes'), isolate: lateRise(samples, 'isolateBytes'), heapUsed: lateRise(samples, 'heapUsedBytes') };
  return {
    renders,
    cards: cards.map((c) => c.name),
    samples,
    lateRise: rise,
    lateKbPerRender: { rss: kbPerRender('rssBytes'), isolate: kbPerRender('isolateBytes'), heapUsed: kbPerRender('heapUsedBytes') },
    peakRssBytes: Math.max(...samples.map((s) => s.rssBytes)),
    peakIsolateBytes: Math.max(...samples.map((s) => s.isolateBytes)),
    // Bounded: over the last 40% of the renders neither the process nor the isolate sets a new peak more
    // than 5% above the one reached before.
    levelsOff: rise.rss < 0.05 && rise.isolate < 0.05,
  };
}
