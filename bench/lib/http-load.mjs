// HTTP throughput of the Worker as `wrangler dev` serves it, under autocannon on loopback.
import autocannon from 'autocannon';
import { waitForIdle } from './proc.mjs';

async function expectOk(url, what) {
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${what} ${url}: ${res.status}`);
  return { res, body };
}

/** The seed article's current og card URL (`?v=` hash) as its page names it. */
async function currentCardUrl(origin, id) {
  const { body } = await expectOk(`${origin}/a/${id}`, 'article page');
  const html = new TextDecoder().decode(body);
  const m = /<meta\s+property="og:image"\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error('article page: no og:image');
  return m[1].replaceAll('&amp;', '&');
}

/** Asks for the card until the Cache API answers it (its cache write runs after the response). */
async function warmCard(url) {
  for (let i = 0; i < 20; i++) {
    const { res } = await expectOk(url, 'card');
    if (res.headers.get('x-card-source') === 'cache') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`card ${url} never came from the Cache API`);
}

function load(url, { connections, seconds }) {
  return autocannon({ url, connections, duration: seconds, timeout: 10 });
}

/** Targets warmed, then each loaded for a short discarded run and a measured one. */
export async function httpLoad(app, seed, { connections, seconds, warmSeconds }) {
  // Ingest queued pre-renders of every card; let them finish first. The quiet spell is longer than the
  // queue's batch timeout (wrangler.toml), so a batch not yet dispatched is not taken for idleness.
  await waitForIdle({ quietMs: 3000 });
  const card = await currentCardUrl(app.origin, seed.id);
  await warmCard(card);
  const targets = [
    { name: 'article page', path: `/a/${seed.id}` },
    { name: 'oEmbed', path: `/oembed?url=${encodeURIComponent(seed.url)}` },
    { name: 'cached card', path: card.slice(app.origin.length) },
  ];
  const results = [];
  for (const t of targets) {
    const url = `${app.origin}${t.path}`;
    const { res, body } = await expectOk(url, t.name);
    await load(url, { connections, seconds: warmSeconds });
    await waitForIdle({ quietMs: 300 });
    const r = await load(url, { connections, seconds });
    results.push({
      name: t.name,
      path: t.path,
      contentType: res.headers.get('content-type'),
      bodyBytes: body.byteLength,
      connections,
      seconds: r.duration,
      requests: r.requests.total,
      // Requests per second: the median of the per-second counts, and the overall rate.
      rpsP50: r.requests.p50,
      rpsOverall: r.requests.total / r.duration,
      latencyP50Ms: r.latency.p50,
      latencyP99Ms: r.latency.p99,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
    });
  }
  return results;
}
