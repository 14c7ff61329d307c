// Edge mode figures: an article page proxied and rewritten by the Worker against the same page from
// the origin directly (both fetched from Node on loopback, whole body read), and the first request of
// an article the store does not know (origin fetch, extraction, store, rewrite).
import { createServer } from 'node:http';
import { startLocalWorker } from '../../scripts/lib/local-worker.mjs';
import { samplePages } from '../../scripts/lib/sample-pages.mjs';
import { percentile } from './stats.mjs';

const stats = (xs) => ({ n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99) });

async function timedGet(url) {
  const started = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return { ms, bytes: body.byteLength };
}

/** `runs` timed requests per target (interleaved) after `warmup`; `newArticles` first requests. */
export async function edgeBench({ runs, warmup, newArticles }) {
  // One realistic page (the English sample) at every article path: each new path is a new article.
  const [page] = samplePages('http://localhost:8787');
  const origin = createServer((req, res) => {
    if (!req.url?.startsWith('/english/articles/')) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'max-age=60' });
    res.end(page.html);
  });
  await new Promise((resolve) => origin.listen(0, '127.0.0.1', resolve));
  const originUrl = `http://127.0.0.1:${origin.address().port}`;
  // No fixtures: their queued pre-renders would run in the background of the timings.
  const worker = await startLocalWorker({ state: 'bench-edge', fixtures: false, vars: { ORIGIN_URL: originUrl } });
  try {
    const path = page.path;
    await timedGet(worker.origin + path); // extracted and stored once
    for (let i = 0; i < warmup; i++) {
      await timedGet(originUrl + path);
      await timedGet(worker.origin + path);
    }
    const direct = [];
    const proxied = [];
    // The local runtime's own hop (wrangler's dev proxy in front of workerd), which production does
    // not have: a Worker answer that touches neither origin nor the rewriter.
    const hop = [];
    let bytes = { direct: 0, proxied: 0 };
    for (let i = 0; i < runs; i++) {
      const d = await timedGet(originUrl + path);
      const p = await timedGet(worker.origin + path);
      const h = await timedGet(`${worker.origin}/static/share-bar.css`);
      direct.push(d.ms);
      proxied.push(p.ms);
      hop.push(h.ms);
      bytes = { direct: d.bytes, proxied: p.bytes };
    }
    const first = [];
    for (let i = 0; i < newArticles; i++) {
      first.push((await timedGet(`${worker.origin}/english/articles/20991231/p2a/00m/0na/${String(i).padStart(3, '0')}999c`)).ms);
    }
    const d = stats(direct);
    const p = stats(proxied);
    const w = stats(hop);
    return { direct: d, proxied: p, hop: w, addedP50: p.p50 - d.p50, addedP99: p.p99 - d.p99, rewriteP50: p.p50 - d.p50 - w.p50, bytes, newArticle: stats(first) };
  } finally {
    await worker.stop();
    await new Promise((resolve) => origin.close(resolve));
  }
}
