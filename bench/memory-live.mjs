// `node bench/memory-live.mjs [renders]`: what the isolate really holds after the memory run's renders
// (bench/lib/memory.mjs), against what `Runtime.getHeapUsage` reports. A heap snapshot makes V8 collect
// garbage first, so its total is the live heap; the figures before and after it show how much of
// "heap used" was garbage. Prints the largest kinds of live objects.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
const { startBenchWorker } = await import('./lib/workers.mjs');
const { connectInspector } = await import('./lib/inspector.mjs');
const { memoryPlan } = await import('./lib/memory.mjs');

const renders = Number(process.argv[2] ?? 500);
const checkpoints = new Set((process.argv[3] ?? '100,250,500').split(',').map(Number));
const bench = await startBenchWorker({ inspector: true });
const MB = (b) => (b / 2 ** 20).toFixed(1);

/** Takes a heap snapshot (V8 collects garbage first) and sums self sizes by node type and name. */
async function snapshot(inspector) {
  let json = '';
  let chunks = 0;
  inspector.on('HeapProfiler.addHeapSnapshotChunk', (p) => {
    json += p.chunk;
    chunks++;
  });
  await inspector.call('HeapProfiler.enable');
  await inspector.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false }, 300_000).catch((err) => {
    throw new Error(`${err.message} (${chunks} chunks, ${json.length} characters received)`);
  });
  const snap = JSON.parse(json);
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const groups = new Map();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt]];
    const name = snap.strings[snap.nodes[i + nameAt]];
    const size = snap.nodes[i + sizeAt];
    total += size;
    const key = type === 'object' || type === 'native' || type === 'closure' ? `${type} ${name.slice(0, 60)}` : type;
    const g = groups.get(key) ?? { size: 0, count: 0 };
    g.size += size;
    g.count++;
    groups.set(key, g);
  }
  return { total, top: [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, 25) };
}

try {
  await bench.freshIsolate();
  const { plan } = memoryPlan(await bench.fixtures(), { renders, burst: 50 });
  const inspector = await connectInspector(await bench.inspectorUrl());
  for (let i = 1; i <= renders; i++) {
    const r = plan[i - 1];
    await bench.post('/__bench/render', { article: r.article, template: r.template, variant: r.variant, suffix: r.suffix });
    if (!checkpoints.has(i)) continue;
    const before = await inspector.heapUsage();
    const wasm = (await bench.get('/__bench/wasm-memory')).reduce((s, m) => s + m.bytes, 0);
    const snap = await snapshot(inspector);
    const after = await inspector.heapUsage();
    console.log(
      `after ${i} renders: heap used ${MB(before.usedSize)} MB (backing stores ${MB(before.backingStorageSize ?? 0)}) -> ` +
        `after the snapshot's GC ${MB(after.usedSize)} MB (backing stores ${MB(after.backingStorageSize ?? 0)}); snapshot total ${MB(snap.total)} MB; wasm ${MB(wasm)} MB`,
    );
    for (const [k, g] of snap.top) console.log(`  ${MB(g.size).padStart(7)} MB ${String(g.count).padStart(8)}  ${k}`);
  }
  inspector.close();
} finally {
  await bench.dispose();
}
