// Edge mode figures, all fetched from Node on loopback with the whole body read, interleaved:
// - direct: the sample article page from the Node origin itself;
// - floor: the same page through a Worker that only fetches it from origin (bench/edge-floor-worker.ts):
//   the runtime's own hop, which any Worker on a route pays;
// - passed through: the same bytes through Presscard at a path that is not an article (untouched);
// - rewritten: the same page at its article path, proxied and rewritten, with the article remembered by
//   the isolate (EDGE_ARTICLE_CACHE_TTL, default 5 s: a page viewed more than once in that time) and, in
//   a second Worker with EDGE_ARTICLE_CACHE_TTL=0, read from D1 for every view.
// The rewrite's own cost is rewritten - floor. Requests go to the Workers' runtime directly, not through
// wrangler dev's proxy Worker (a second workerd process and an extra loopback hop that exists only for
// local development: it buffers requests while the Worker reloads); a row through that proxy is kept
// for comparison. The Worker sees requests on the publisher's host, as behind a route.
// Also: the first request of an article the store does not know (origin fetch, extraction, store, rewrite).
import { createServer } from 'node:http';
import { join } from 'node:path';
import { unstable_startWorker } from 'wrangler';
import { startLocalWorker } from '../../scripts/lib/local-worker.mjs';
import { samplePages } from '../../scripts/lib/sample-pages.mjs';
import { percentile } from './stats.mjs';
import { root, runtimeEntry } from './workers.mjs';

const stats = (xs) => ({ n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99) });
const PUBLIC_HOST = 'mainichi.jp';
/** A path on the publisher's host outside ARTICLE_URL_PATTERNS, where origin serves the same page. */
const PASS_PREFIX = '/english/print-edition';

/** A GET of `path` on `target` (`{ base, headers }`, headers naming the URL the Worker sees). */
async function timedGet(target, path) {
  const started = performance.now();
  const res = await fetch(target.base + path, { headers: target.headers?.(path) ?? {} });
  const body = await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${target.base}${path}: ${res.status}`);
  return { ms, bytes: body.byteLength, body: Buffer.from(body) };
}

/** `runs` timed requests per target (interleaved) after `warmup`; `newArticles` first requests. */
export async function edgeBench({ runs, warmup, newArticles }) {
  // One realistic page (the English sample) at every article path and under PASS_PREFIX.
  const [page] = samplePages('http://localhost:8787');
  const origin = createServer((req, res) => {
    if (!req.url?.startsWith('/english/articles/') && !req.url?.startsWith(`${PASS_PREFIX}/`)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'max-age=60' });
    res.end(page.html);
  });
  await new Promise((resolve) => origin.listen(0, '127.0.0.1', resolve));
  const originUrl = `http://127.0.0.1:${origin.address().port}`;
  const started = [];
  try {
    const floor = await unstable_startWorker({
      name: 'edge-floor', entrypoint: join(root, 'bench/edge-floor-worker.ts'), compatibilityDate: '2026-11-01',
      bindings: { ORIGIN_URL: { type: 'plain_text', value: originUrl } },
      dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, watch: false, logLevel: 'warn', origin: { hostname: PUBLIC_HOST, secure: true } },
    });
    started.push(() => floor.dispose());
    // No fixtures: their queued pre-renders would run in the background of the timings.
    const start = async (vars) => {
      const w = await startLocalWorker({ state: 'bench-edge', fixtures: false, host: PUBLIC_HOST, vars: { ORIGIN_URL: originUrl, ...vars } });
      started.push(() => w.stop());
      return w;
    };
    const remembering = await start({});
    const reading = await start({ EDGE_ARTICLE_CACHE_TTL: '0' });
    const floorEntry = await runtimeEntry(floor, PUBLIC_HOST);
    const entry = await runtimeEntry(remembering.worker, PUBLIC_HOST);
    const readingEntry = await runtimeEntry(reading.worker, PUBLIC_HOST);
    const path = page.path;
    const targets = {
      direct: [{ base: originUrl }, path],
      floor: [floorEntry, path],
      passed: [entry, PASS_PREFIX + path],
      rewritten: [entry, path],
      rewrittenRead: [readingEntry, path],
      throughDevProxy: [{ base: remembering.origin }, path],
    };
    await timedGet(entry, path); // extracted and stored once
    await timedGet(readingEntry, path);
    const passedBody = (await timedGet(entry, PASS_PREFIX + path)).body;
    if (!passedBody.equals(Buffer.from(page.html))) throw new Error('the pass-through path did not pass the page through untouched');
    for (const t of [entry, readingEntry]) {
      if (!(await timedGet(t, path)).body.toString().includes('presscard-share')) throw new Error('the article path was not rewritten');
    }
    for (let i = 0; i < warmup; i++) for (const [t, p] of Object.values(targets)) await timedGet(t, p);
    const times = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
    const bytes = {};
    for (let i = 0; i < runs; i++) {
      for (const [name, [t, p]] of Object.entries(targets)) {
        const r = await timedGet(t, p);
        times[name].push(r.ms);
        bytes[name] = r.bytes;
      }
    }
    const first = [];
    for (let i = 0; i < newArticles; i++) {
      first.push((await timedGet(entry, `/english/articles/20991231/p2a/00m/0na/${String(i).padStart(3, '0')}999c`)).ms);
    }
    const s = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, stats(xs)]));
    // Requests run interleaved, so each rewritten request has a floor neighbour under the same load:
    // the median of those pairwise differences is steadier than a difference of medians on a busy machine.
    const paired = (name) => stats(times[name].map((ms, i) => ms - times.floor[i])).p50;
    return {
      ...s, bytes,
      rewriteP50: s.rewritten.p50 - s.floor.p50, rewriteP99: s.rewritten.p99 - s.floor.p99, rewritePairedP50: paired('rewritten'),
      readRewriteP50: s.rewrittenRead.p50 - s.floor.p50, readRewriteP99: s.rewrittenRead.p99 - s.floor.p99, readRewritePairedP50: paired('rewrittenRead'),
      passedOverFloorP50: s.passed.p50 - s.floor.p50,
      addedP50: s.rewritten.p50 - s.direct.p50, addedReadP50: s.rewrittenRead.p50 - s.direct.p50,
      newArticle: stats(first),
    };
  } finally {
    for (const stop of started.reverse()) await stop();
    await new Promise((resolve) => origin.close(resolve));
  }
}
