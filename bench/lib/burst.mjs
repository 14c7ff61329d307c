// The crawler-burst row: a breaking story shared by thousands within a minute. 1,000 concurrent
// requests over 50 uncached cards (25 articles x og/square, photo and text) against the Worker under
// wrangler's runtime (bench/burst-worker.ts). Counts errors, default images and renders per card
// (coalescing: one per card per isolate), samples the isolate's memory during the burst, and reports
// latency percentiles as the crawlers saw them.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { unstable_startWorker } from 'wrangler';
import { readFixtures } from '../../scripts/lib/fixtures.mjs';
import { connectInspector } from './inspector.mjs';
import { percentile } from './stats.mjs';
import { root } from './workers.mjs';

/** A Workers isolate's memory limit (https://developers.cloudflare.com/workers/platform/limits/#memory). */
const ISOLATE_LIMIT_BYTES = 128 * 1024 * 1024;

async function startBurstWorker() {
  const persist = join(root, '.wrangler/bench', randomBytes(4).toString('hex'));
  const token = randomBytes(16).toString('hex');
  execFileSync(join(root, 'node_modules/.bin/wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist], {
    cwd: root, stdio: 'pipe', env: { ...process.env, CI: 'true' },
  });
  const worker = await unstable_startWorker({
    config: join(root, 'wrangler.toml'),
    entrypoint: join(root, 'bench/burst-worker.ts'),
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: { hostname: '127.0.0.1', port: 0 }, persist, watch: false, logLevel: 'warn' },
    bindings: { INGEST_TOKEN: { type: 'plain_text', value: token } },
  });
  const origin = (await worker.url).origin;
  return { worker, origin, token, inspectorUrl: await worker.inspectorUrl, dispose: async () => { await worker.dispose(); await rm(persist, { recursive: true, force: true }); } };
}

/** 25 published articles made from the fixtures, every other one with its photo (served by the Worker). */
async function burstArticles(origin, count) {
  const fixtures = (await readFixtures(join(root, 'fixtures/articles'), origin)).filter((a) => a.status === 'published');
  const withPhoto = fixtures.filter((a) => a.image);
  const textOnly = fixtures.filter((a) => !a.image);
  return Array.from({ length: count }, (_, i) => {
    const base = structuredClone(i % 2 === 0 ? withPhoto[i % withPhoto.length] : (textOnly[i % textOnly.length] ?? fixtures[i % fixtures.length]));
    const id = `burst-${String(i).padStart(2, '0')}`;
    const article = { ...base, id, url: `https://mainichi.jp/english/articles/${id}`, headline: `${base.headline} (${i + 1})` };
    delete article.socialHeadline;
    if (i % 2 === 1) article.cardTemplate = 'text';
    return article;
  });
}

export async function crawlerBurst({ requests = 1000, articles: articleCount = 25 } = {}) {
  const w = await startBurstWorker();
  try {
    const articles = await burstArticles(w.origin, articleCount);
    const ingest = await fetch(`${w.origin}/api/articles/batch`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${w.token}` }, body: JSON.stringify(articles),
    });
    if (!ingest.ok) throw new Error(`burst articles: ${ingest.status} ${await ingest.text()}`);
    // The current URL of each card (a 302 from the bare path; no render).
    const cards = [];
    for (const a of articles) {
      for (const variant of ['og', 'square']) {
        const res = await fetch(`${w.origin}/card/${a.id}/${variant}.png`, { redirect: 'manual' });
        if (res.status !== 302) throw new Error(`card ${a.id}/${variant}: ${res.status}`);
        cards.push({ url: res.headers.get('location'), photo: a.cardTemplate !== 'text' });
      }
    }
    const inspector = await connectInspector(w.inspectorUrl);
    const heapBefore = (await inspector.heapUsage()).usedSize;
    let peakHeap = heapBefore;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        try {
          peakHeap = Math.max(peakHeap, (await inspector.heapUsage()).usedSize);
        } catch {
          // the isolate is busy rendering; the next sample will do
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: requests }, async (_, i) => {
      const card = cards[i % cards.length];
      const t = performance.now();
      try {
        const res = await fetch(card.url);
        const body = await res.arrayBuffer();
        return { ms: performance.now() - t, status: res.status, template: res.headers.get('x-card-template'), source: res.headers.get('x-card-source'), type: res.headers.get('content-type'), bytes: body.byteLength };
      } catch (err) {
        return { ms: performance.now() - t, status: 0, error: String(err) };
      }
    }));
    const wallMs = performance.now() - started;
    sampling = false;
    await sampler;
    peakHeap = Math.max(peakHeap, (await inspector.heapUsage()).usedSize);
    inspector.close();
    const wasmBytes = (await (await fetch(`${w.origin}/__burst/wasm-memory`)).json()).bytes;
    const renders = await (await fetch(`${w.origin}/__burst/renders`)).json();
    const counts = Object.values(renders);
    const latencies = outcomes.map((o) => o.ms);
    const peakIsolateBytes = peakHeap + wasmBytes;
    return {
      requests,
      cards: cards.length,
      photoCards: cards.filter((c) => c.photo).length,
      wallMs,
      errors: outcomes.filter((o) => o.status !== 200).length,
      defaultImages: outcomes.filter((o) => o.template === 'default').length,
      sources: outcomes.reduce((all, o) => ({ ...all, [o.source ?? 'none']: (all[o.source ?? 'none'] ?? 0) + 1 }), {}),
      renderedCards: counts.length,
      rendersTotal: counts.reduce((a, b) => a + b, 0),
      maxRendersPerCard: Math.max(0, ...counts),
      latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: Math.max(...latencies) },
      heapBeforeBytes: heapBefore,
      peakHeapBytes: peakHeap,
      wasmBytes,
      peakIsolateBytes,
      isolateLimitBytes: ISOLATE_LIMIT_BYTES,
      underLimit: peakIsolateBytes < ISOLATE_LIMIT_BYTES,
      method: 'Node fetch, all requests started at once; latency from request start to body end as the client saw it; heap sampled every 100 ms through the inspector (V8 heap used) plus wasm linear memories after the burst',
    };
  } finally {
    await w.dispose();
  }
}
