// `npm run bench`: measures card rendering and delivery inside workerd (bench/bench-worker.ts) and the
// Worker's HTTP throughput under autocannon, all on loopback; prints one table and writes
// bench/results.json. Run counts: BENCH_RUNS (default 30 measured runs after BENCH_WARMUP, 5),
// BENCH_COLD (cold starts, 30), BENCH_MEMORY_RENDERS (500), BENCH_HTTP_SECONDS (10), BENCH_BURST_REQUESTS
// (1000). BENCH_ONLY (e.g. `renders,cold`) runs only some parts: renders, cold, hits, memory, http, og,
// burst, edge, newsroom; the default is all.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

// Only loopback: wrangler would otherwise fetch a `request.cf` sample from the network at start-up.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';

const { root, startAppWorker, startBenchWorker } = await import('./lib/workers.mjs');
const { coldStarts, layerHits, missRenders, pairedMissRenders } = await import('./lib/renders.mjs');
const { memoryRun } = await import('./lib/memory.mjs');
const { httpLoad } = await import('./lib/http-load.mjs');
const { newsroomRuns } = await import('./lib/newsroom.mjs');
const { vercelOgComparison } = await import('./lib/vercel-og.mjs');
const { crawlerBurst } = await import('./lib/burst.mjs');
const { edgeBench } = await import('./lib/edge.mjs');
const { caption, table } = await import('./lib/table.mjs');

const num = (name, fallback) => Number(process.env[name] ?? fallback);
const opts = {
  runs: num('BENCH_RUNS', 30),
  warmup: num('BENCH_WARMUP', 5),
  coldStarts: num('BENCH_COLD', 30),
  memoryRenders: num('BENCH_MEMORY_RENDERS', 500),
  memoryEvery: 25,
  previewBurst: 50,
  http: { connections: 50, seconds: num('BENCH_HTTP_SECONDS', 10), warmSeconds: 2 },
  burst: { requests: num('BENCH_BURST_REQUESTS', 1000), articles: 25 },
  edge: { runs: num('BENCH_EDGE_RUNS', 200), warmup: 20, newArticles: num('BENCH_EDGE_NEW', 50) },
};
const only = new Set((process.env.BENCH_ONLY ?? 'renders,cold,hits,memory,http,og,burst,edge,newsroom').split(',').map((p) => p.trim()));
if (opts.runs < 30) console.warn(`BENCH_RUNS=${opts.runs}: fewer than 30 runs, figures are indicative only`);

const started = performance.now();
const step = (what) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${what}`);
const version = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, loadavgAtStart: loadavg() },
  versions: { node: process.versions.node, wrangler: version('wrangler'), workerd: version('wrangler/node_modules/workerd'), autocannon: version('autocannon') },
  options: opts,
  method: {
    timings: 'in-Worker performance.now()/Date.now() (workerd advances both during CPU work locally; 1 ms resolution); p50 = median, p95 = nearest rank',
    missRender: 'renderCard() from src/render/render-card.ts on a warm isolate, our encoder (compact) and asPng (resvg) alternating; photo cards with their photo kept from the first render on (the Cache API), or (new photo) a photo URL no render has used, which the Images binding scales',
    pairedMissRender: 'the seed article\'s photo card (photo kept), photo card (new photo) and text card of one variant rendered in turn (our pipeline), the order turned every run: their ratios with the load of a shared machine on all alike',
    coldStart: 'first request of a fresh isolate (wrangler reload of the runtime) renders the card; coldStartAfterPage: a first request that renders nothing (its warm-up let finish), then the card; each isolate then renders the card 8 more times, the median of the last 3 being the warm figure the cold one is compared with',
    hits: 'deliverCard() with its observe hook: Cache API first (layer cache), R2 only (layer r2)',
    vercelOg: '@vercel/og (its Node build, in Node: it cannot run in workerd as shipped) and renderCard() in the same Node process, alternating, on the element tree and fonts of our template for the same card; both times include laying out the tree',
    memory: 'renders cycle through every published fixture x template x variant, every 7th headline with an emoji, and a burst of 50 renders of one article with a growing headline (live preview) in the middle; isolate = V8 heap used (Runtime.getHeapUsage through the inspector) + wasm linear memories (recorded by the bench worker); workerd runtime process VmRSS from /proc; process.memoryUsage() answers zeros in workerd, there is no performance.memory',
    http: 'the Worker (src/index.ts) under unstable_startWorker with fixtures ingested, autocannon in this process',
    edge: 'sequential GETs from Node to the Workers\' runtime directly (not through wrangler dev\'s proxy Worker), whole body read, interleaved: the sample page from a Node origin directly; through a Worker that only fetches it (floor); through Presscard (ORIGIN_URL, requests on the publisher host) at a path that is not an article (passed through untouched); at its article path (proxied and rewritten), the article remembered per isolate (default EDGE_ARTICLE_CACHE_TTL) and read from D1 per view (EDGE_ARTICLE_CACHE_TTL=0); rewrite cost = rewritten - floor; new article = first request of a path the store does not know',
  },
};

const bench = await startBenchWorker();
const fixtures = await bench.fixtures();
const seed = fixtures[0];
const editorial = fixtures.find((a) => a.status === 'published' && !a.image);
const cards = [
  { name: 'photo og', article: seed, template: 'photo', variant: 'og' },
  { name: 'photo square', article: seed, template: 'photo', variant: 'square' },
  { name: 'photo og · new photo', article: seed, template: 'photo', variant: 'og', newPhoto: true },
  { name: 'photo square · new photo', article: seed, template: 'photo', variant: 'square', newPhoto: true },
  { name: 'text og', article: seed, template: 'text', variant: 'og' },
  { name: 'text square', article: seed, template: 'text', variant: 'square' },
];
const textOnly = [
  { name: `text og · ${editorial.id}`, article: editorial, template: 'text', variant: 'og' },
  { name: `text square · ${editorial.id}`, article: editorial, template: 'text', variant: 'square' },
];
results.cards = { seed: seed.id, textArticle: editorial.id, note: 'photo and text rows draw the seed article; the last text rows an article without a photo' };
try {
  if (only.has('cold')) {
    step(`cold start: ${opts.coldStarts} fresh isolates`);
    results.coldStart = await coldStarts(bench, cards[2], { runs: opts.coldStarts });
    step(`cold start after a first request: ${opts.coldStarts} fresh isolates`);
    results.coldStartAfterPage = await coldStarts(bench, cards[2], { runs: opts.coldStarts, afterPage: true });
  }

  if (only.has('renders')) {
    results.missRenders = [];
    for (const card of [...cards, ...textOnly]) {
      step(`miss renders: ${card.name}`);
      results.missRenders.push(await missRenders(bench, card, opts));
    }
    results.pairedMissRenders = [];
    for (const variant of ['og', 'square']) {
      step(`miss renders, photo and text alternating: ${variant}`);
      results.pairedMissRenders.push(await pairedMissRenders(bench, { article: seed, variant }, opts));
    }
  }

  if (only.has('hits')) {
    step('Cache API and R2 hits');
    results.hits = [];
    for (const card of cards) results.hits.push(await layerHits(bench, card, opts));
  }
} finally {
  await bench.dispose();
}

if (only.has('og')) {
  step('@vercel/og and our renderer in Node, same element tree');
  results.vercelOg = await vercelOgComparison(root, [cards[2], cards[3]], opts);
}

if (only.has('memory')) {
  step(`memory: ${opts.memoryRenders} distinct renders`);
  const inspected = await startBenchWorker({ inspector: true });
  try {
    // The worker's own origin: photos are read from its static assets.
    results.memory = await memoryRun(inspected, await inspected.fixtures(), { renders: opts.memoryRenders, every: opts.memoryEvery, burst: opts.previewBurst });
  } finally {
    await inspected.dispose();
  }
}

if (only.has('http')) {
  step('HTTP throughput');
  const app = await startAppWorker();
  try {
    results.http = await httpLoad(app, app.articles[0], opts.http);
  } finally {
    await app.dispose();
  }
}

if (only.has('newsroom')) {
  step('newsroom preview');
  const app = await startAppWorker();
  try {
    results.newsroom = await newsroomRuns(app, { seed: app.articles[0], text: app.articles.find((a) => a.status === 'published' && !a.image), runs: opts.runs, warmup: opts.warmup });
  } finally {
    await app.dispose();
  }
}

if (only.has('burst')) {
  step(`crawler burst: ${opts.burst.requests} concurrent requests over ${opts.burst.articles * 2} uncached cards`);
  results.burst = await crawlerBurst(opts.burst);
}

if (only.has('edge')) {
  step('edge mode: proxied page against origin, new-article extraction');
  results.edge = await edgeBench(opts.edge);
}

results.machine.loadavgAtEnd = loadavg();
results.seconds = (performance.now() - started) / 1000;
step('done');
const out = join(root, 'bench/results.json');
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${caption(results)}\n\n${table(results)}\n\n${out}`);
