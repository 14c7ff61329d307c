// Edge mode figures, all fetched from Node on loopback with the whole body read, interleaved:
// - direct: the sample article page from the Node origin itself;
// - passed through: the same bytes at a path that is not an article, through the Worker (edge mode
//   passes it to origin untouched): the Worker, wrangler dev's own hop and the origin fetch, no rewrite;
// - rewritten: the same page at its article path through the Worker, proxied and rewritten.
// rewritten - passed through is the rewrite's own cost; rewritten - direct is what a reader pays here.
// The Worker sees requests on the publisher's host (wrangler's dev origin override), as it would behind
// a route, so the article path and the pass-through path are decided as in production.
// Also: the first request of an article the store does not know (origin fetch, extraction, store, rewrite).
import { createServer } from 'node:http';
import { startLocalWorker } from '../../scripts/lib/local-worker.mjs';
import { samplePages } from '../../scripts/lib/sample-pages.mjs';
import { percentile } from './stats.mjs';

const stats = (xs) => ({ n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99) });
const PUBLIC_HOST = 'mainichi.jp';
/** A path on the publisher's host outside ARTICLE_URL_PATTERNS, where origin serves the same page. */
const PASS_PREFIX = '/english/print-edition';

async function timedGet(url) {
  const started = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
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
  // No fixtures: their queued pre-renders would run in the background of the timings.
  const worker = await startLocalWorker({ state: 'bench-edge', fixtures: false, host: PUBLIC_HOST, vars: { ORIGIN_URL: originUrl } });
  try {
    const path = page.path;
    const targets = { direct: originUrl + path, passed: worker.origin + PASS_PREFIX + path, rewritten: worker.origin + path };
    await timedGet(targets.rewritten); // extracted and stored once
    const passedBody = (await timedGet(targets.passed)).body;
    if (!passedBody.equals(Buffer.from(page.html))) throw new Error('the pass-through path did not pass the page through untouched');
    if (!(await timedGet(targets.rewritten)).body.toString().includes('presscard-share')) throw new Error('the article path was not rewritten');
    for (let i = 0; i < warmup; i++) for (const url of Object.values(targets)) await timedGet(url);
    const times = { direct: [], passed: [], rewritten: [] };
    const bytes = {};
    for (let i = 0; i < runs; i++) {
      for (const [name, url] of Object.entries(targets)) {
        const r = await timedGet(url);
        times[name].push(r.ms);
        bytes[name] = r.bytes;
      }
    }
    const first = [];
    for (let i = 0; i < newArticles; i++) {
      first.push((await timedGet(`${worker.origin}/english/articles/20991231/p2a/00m/0na/${String(i).padStart(3, '0')}999c`)).ms);
    }
    const d = stats(times.direct);
    const t = stats(times.passed);
    const r = stats(times.rewritten);
    // Requests run interleaved, so each rewritten request has a pass-through neighbour under the same
    // load: the median of those pairwise differences is steadier than a difference of medians on a
    // busy machine.
    const paired = stats(times.rewritten.map((ms, i) => ms - times.passed[i]));
    return {
      direct: d, passed: t, rewritten: r, bytes,
      rewriteP50: r.p50 - t.p50, rewriteP99: r.p99 - t.p99, rewritePairedP50: paired.p50,
      addedP50: r.p50 - d.p50, addedP99: r.p99 - d.p99,
      newArticle: stats(first),
    };
  } finally {
    await worker.stop();
    await new Promise((resolve) => origin.close(resolve));
  }
}
