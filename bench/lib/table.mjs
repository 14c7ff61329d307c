// The one table `npm run bench` prints (Markdown, so it can be pasted as it is).

const ms = (v) => (!Number.isFinite(v) ? '-' : Number.isInteger(v) || v >= 100 ? v.toFixed(0) : v.toFixed(1));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const x = (v) => `${v.toFixed(2)}x`;

function split(r) {
  const parts = [`satori ${ms(r.layout.p50)}+${ms(r.fonts.p50)} fonts`, `raster ${ms(r.raster.p50)}`, `png ${ms(r.png.p50)}`];
  if (r.encode) parts.push(`jpeg ${ms(r.encode.p50)}`);
  if (r.photo) parts.push(`photo ${ms(r.photo.p50)}`);
  if (r.headStart) parts.push(`head start ${ms(r.headStart.p50)}`);
  if (r.scaleWait) parts.push(`waiting for the scaled photo ${ms(r.scaleWait.p50)}`);
  if (r.composite) parts.push(`composite ${ms(r.composite.p50)}`);
  return parts.join(' · ');
}

/** One line saying where and how the figures were taken. */
export function caption(results) {
  const { machine, versions, options } = results;
  const load = (l) => l.map((v) => v.toFixed(1)).join(' ');
  return `workerd ${versions.workerd} (wrangler ${versions.wrangler}), Node ${versions.node}, ${machine.cpus} CPUs, load ${load(machine.loadavgAtStart)} -> ${load(machine.loadavgAtEnd)}; ` +
    `${options.runs} measured runs after ${options.warmup} warm-up each; in-Worker ms at 1 ms resolution; ${results.seconds.toFixed(0)} s in all`;
}

/** The targets as ratios of this run's p50s, with the figure each is measured on. */
function targets(results, row) {
  const miss = (name) => results.missRenders?.find((m) => m.name === name)?.compact.renderMs.p50;
  const ratio = (what, a, b, limit, how) => {
    if (!Number.isFinite(a) || !Number.isFinite(b)) return;
    const r = a / b;
    row('target', what, x(r), `<= ${x(limit)}`, `${r <= limit ? 'met' : 'NOT MET'} · ${how}`);
  };
  for (const [variant, limit] of [['og', 2], ['square', 2.5]]) {
    ratio(`photo ${variant} / text ${variant}`, miss(`photo ${variant}`), miss(`text ${variant}`), limit, 'miss renders of the seed article, photo kept from an earlier render, p50');
    ratio(`photo ${variant} / text ${variant}, new photo`, miss(`photo ${variant} · new photo`), miss(`text ${variant}`), limit, 'the same with a photo new to the cache (an article\'s first card), p50');
  }
  for (const p of results.pairedMissRenders ?? []) {
    const limit = p.variant === 'og' ? 2 : 2.5;
    ratio(`photo ${p.variant} / text ${p.variant}, alternating`, p.photo.p50, p.text.p50, limit,
      `the same renders one for one (${ms(p.photo.p50)} / ${ms(p.text.p50)} ms), p50`);
    if (p.photoNew) {
      ratio(`photo ${p.variant} / text ${p.variant}, alternating, new photo`, p.photoNew.p50, p.text.p50, limit,
        `the same with a photo new to the cache (${ms(p.photoNew.p50)} / ${ms(p.text.p50)} ms), p50`);
    }
  }
  // Against the same card rendered warm in the same isolates right after (see coldStarts): the miss-render
  // rows run minutes later, under whatever load the machine has then.
  const coldRatio = (c, what, how) => {
    if (!c) return;
    const vsMiss = Number.isFinite(miss('text og')) ? ` · ${x(c.renderMs.p50 / miss('text og'))} the miss-render row` : '';
    ratio(what, c.renderMs.p50, c.warmRenderMs?.p50 ?? miss('text og'), 3, `${how}, against the same card warm in the same isolates (${ms(c.warmRenderMs?.p50)} ms), p50${vsMiss}`);
  };
  coldRatio(results.coldStart, 'cold / warm text og', 'the card as the first request of a fresh isolate');
  coldRatio(results.coldStartAfterPage, 'cold after page / warm text og', 'the card after a first request (a crawler reading the page)');
  const og = results.vercelOg?.find((h) => h.name === 'text og');
  if (og) ratio('ours / @vercel/og text og', og.ours.ms.p50, og.vercelOg.ms.p50, 0.5, 'both in Node, same process, same tree, p50');
  if (results.memory) {
    const peak = results.memory.peakIsolateBytes;
    const withBuffers = Math.max(...results.memory.samples.map((s) => s.isolateBytes + (s.backingStorageBytes ?? 0)));
    const live = results.memory.peakLiveBytes;
    const liveLevels = results.memory.liveLateRise < 0.05;
    if (live) row('target', 'isolate peak, live', mb(live), '<= 80.0 MB', `${live <= 80 * 1048576 && liveLevels ? 'met' : 'NOT MET'} · after a full GC: V8 heap + ArrayBuffers + wasm, ${liveLevels ? 'levels off' : 'still growing'} (docs/performance.md)`);
    row('target', 'isolate peak, heap used', mb(peak), '<= 80.0 MB', `${peak <= 80 * 1048576 && results.memory.levelsOff ? 'met' : 'NOT MET'} · V8 heap used (garbage included) + wasm, ${results.memory.levelsOff ? 'levels off' : 'still growing'} · ${mb(withBuffers)} with ArrayBuffers`);
  }
}

export function table(results) {
  const rows = [];
  const row = (measure, subject, p50, tail, notes) => rows.push([measure, subject, p50, tail, notes]);

  for (const m of results.missRenders ?? []) {
    const type = m.contentType === 'image/jpeg' ? 'JPEG' : 'PNG';
    row('miss render', m.name, `${ms(m.compact.renderMs.p50)} ms`, `${ms(m.compact.renderMs.p95)} ms`, `${split(m.compact)} · ${kb(m.compact.bytes)} ${type}`);
    const time = x(m.compact.renderMs.p50 / m.resvg.renderMs.p50);
    const versus = m.contentType === 'image/png'
      ? `ours: ${x(m.compact.bytes / m.resvg.bytes)} the bytes (target <= 0.35x), ${time} the time (target <= 1.2x) · ${kb(m.resvg.bytes)}`
      : `photo embedded in the SVG and drawn by resvg, asPng() (the pipeline before compositing): ours ${time} the time · ${kb(m.resvg.bytes)} ${type}`;
    row(m.contentType === 'image/jpeg' ? '  photo in resvg' : '  with asPng()', m.name, `${ms(m.resvg.renderMs.p50)} ms`, `${ms(m.resvg.renderMs.p95)} ms`, `${split(m.resvg)} · ${versus}`);
  }

  const c = results.coldStart;
  if (c) row('cold start', `${c.template} ${c.variant}, fresh isolate`, `${ms(c.totalMs.p50)} ms`, `${ms(c.totalMs.p95)} ms`, `first card of ${c.totalMs.n} fresh isolates, hash + render · render ${ms(c.renderMs.p50)}: ${split(c)} · the same card warm in the same isolates ${ms(c.warmRenderMs?.p50)} ms · round trip from Node ${ms(c.wallMs.p50)} / ${ms(c.wallMs.p95)} ms · module-load warm-up done on arrival in ${c.moduleWarmedUp ?? '?'} of ${c.totalMs.n} · runtime restart ${ms(c.restartMs?.p50)} ms`);
  const w = results.coldStartAfterPage;
  if (w) row('cold start', `${w.template} ${w.variant}, after a first request`, `${ms(w.totalMs.p50)} ms`, `${ms(w.totalMs.p95)} ms`, `a fresh isolate serves a request that renders nothing (its warm-up runs in waitUntil), then this card · render ${ms(w.renderMs.p50)}: ${split(w)} · warm in the same isolates ${ms(w.warmRenderMs?.p50)} ms`);

  for (const h of results.vercelOg ?? []) {
    row('@vercel/og (Node)', h.name, `${ms(h.vercelOg.ms.p50)} ms`, `${ms(h.vercelOg.ms.p95)} ms`, `@vercel/og ${h.versions?.vercelOg ?? ''} ImageResponse, same element tree and fonts, in Node · ${kb(h.vercelOg.bytes)} PNG`);
    row('  ours (Node)', h.name, `${ms(h.ours.ms.p50)} ms`, `${ms(h.ours.ms.p95)} ms`, `renderCard() in the same Node process, alternating · ${x(h.ours.ms.p50 / h.vercelOg.ms.p50)} the time of @vercel/og · ${kb(h.ours.bytes)} PNG`);
  }

  for (const h of results.hits ?? []) {
    for (const layer of ['cache', 'r2']) {
      const l = h[layer];
      row(layer === 'cache' ? 'Cache API hit' : 'R2 hit', h.name, `${ms(l.lookupMs.p50)} ms`, `${ms(l.lookupMs.p95)} ms`, `deliverCard observe · with body read ${ms(l.bodyMs.p50)} / ${ms(l.bodyMs.p95)} ms · ${kb(l.bytes)}`);
    }
  }

  for (const h of results.http ?? []) {
    const errors = h.errors + h.timeouts + h.non2xx;
    row(`HTTP ${h.name}`, `${h.connections} conns, ${h.seconds} s`, `${ms(h.latencyP50Ms)} ms`, `p99 ${ms(h.latencyP99Ms)} ms`, `${Math.round(h.rpsP50)} req/s (median second; ${Math.round(h.rpsOverall)} overall) · ${h.requests} requests · ${errors} errors · ${kb(h.bodyBytes)} body`);
  }

  if (results.edge) {
    const e = results.edge;
    const p = (x) => `${ms(x.p50)} ms`;
    const p99 = (x) => `p99 ${ms(x.p99)} ms`;
    row('edge: origin direct', 'sample article page', p(e.direct), p99(e.direct), `${e.direct.n} sequential GETs from Node, interleaved · ${kb(e.bytes.direct)}`);
    row('edge: floor Worker', 'same page, fetched and returned', p(e.floor), p99(e.floor), "a Worker that only fetches origin: the runtime's own hop");
    row('edge: passed through', 'same bytes, not an article path', p(e.passed), p99(e.passed), `through Presscard untouched; over the floor: ${ms(e.passedOverFloorP50)} ms`);
    row('edge: rewritten', 'article path, article remembered', p(e.rewritten), p99(e.rewritten),
      `the rewrite's own cost (rewritten - floor): ${ms(e.rewriteP50)} ms p50, ${ms(e.rewriteP99)} ms p99, median of interleaved pairs ${ms(e.rewritePairedP50)} ms (target < 5 ms p50); ` +
      `over direct: ${ms(e.addedP50)} ms · ${kb(e.bytes.rewritten)} with the set and share bar`);
    row('edge: rewritten, D1 read', 'EDGE_ARTICLE_CACHE_TTL=0', p(e.rewrittenRead), p99(e.rewrittenRead),
      `every view reads the article from D1: ${ms(e.readRewriteP50)} ms p50 over the floor, ${ms(e.readRewriteP99)} ms p99, pairs ${ms(e.readRewritePairedP50)} ms; over direct: ${ms(e.addedReadP50)} ms`);
    row('edge: through wrangler dev', 'rewritten, via its proxy Worker', p(e.throughDevProxy), p99(e.throughDevProxy), "what `npm start` adds: wrangler's proxy Worker, a second workerd process");
    row('edge: new article', 'first request, unknown URL', p(e.newArticle), p99(e.newArticle), `${e.newArticle.n} URLs: origin fetch, extraction, D1 write, rewrite`);
  }


  const m = results.memory;
  if (m) {
  const pick = m.samples.filter((s) => s.renders % 100 === 0 || s.renders === m.renders);
  const series = (key, digits = 0) => pick.map((s) => (s[key] / 1048576).toFixed(digits)).join('/');
  const pct = (v) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
  row('memory', `after ${m.renders} distinct renders`, `${mb(m.samples.at(-1).isolateBytes)} isolate`, `peak ${mb(m.peakIsolateBytes)}`,
    `at ${pick.map((s) => s.renders).join('/')} renders: isolate (V8 heap used + wasm) ${series('isolateBytes')} MB, ` +
    `wasm ${series('wasmBytes')} MB, V8 heap reserved ${series('heapTotalBytes')} MB, workerd RSS ${series('rssBytes')} MB · ` +
    `last 40% of renders: new peak ${pct(m.lateRise.isolate)} isolate, ${pct(m.lateRise.rss)} RSS · ${m.levelsOff ? 'levels off' : 'STILL GROWING'}` +
    (m.burst ? ` · preview burst at ${m.burst.start}-${m.burst.end} (${m.burst.article}) · ${m.cards.length} cards in turn` : '') +
    ` · with ArrayBuffer backing stores (outside V8's heap): peak ${mb(Math.max(...m.samples.map((s) => s.isolateBytes + (s.backingStorageBytes ?? 0))))}, ${series('backingStorageBytes')} MB of them`);
  if (m.live?.length) {
    const liveSeries = (key) => m.live.map((s) => (s[key] / 1048576).toFixed(1)).join('/');
    row('memory', 'live, after a full GC', `${mb(m.live.at(-1).isolateBytes)} isolate`, `peak ${mb(m.peakLiveBytes)}`,
      `at ${m.live.map((s) => s.renders).join('/')} renders: V8 heap ${liveSeries('heapUsedBytes')} + ArrayBuffers ${liveSeries('backingStorageBytes')} + wasm ${liveSeries('wasmBytes')} MB (a heap snapshot forces the GC) · last 40%: new peak ${pct(m.liveLateRise)} · font cache at the end: ${m.live.at(-1).fontCache?.files} subsets, ${mb(m.live.at(-1).fontCache?.bytes ?? 0)} of ${mb(m.live.at(-1).fontCache?.limit ?? 0)} weighted, ${m.live.at(-1).fontCache?.reads} reads in all, ${m.live.at(-1).fontCache?.rereads} of them re-reads`);
  }
  }
  targets(results, row);

  const b = results.burst;
  if (b) {
    row('crawler burst', `${b.requests} concurrent requests, ${b.cards} uncached cards (${b.photoCards} photo)`, `${ms(b.latencyMs.p50)} ms`, `p99 ${ms(b.latencyMs.p99)} ms`,
      `${b.errors} errors · ${b.defaultImages} default images · ${b.rendersTotal} renders for ${b.renderedCards} cards (max ${b.maxRendersPerCard} per card) · ` +
      `isolate peak ${mb(b.peakIsolateBytes)} (V8 heap ${mb(b.peakHeapBytes)} + wasm ${mb(b.wasmBytes)}) of ${mb(b.isolateLimitBytes)}${b.underLimit ? '' : ' OVER THE LIMIT'} · ${(b.wallMs / 1000).toFixed(1)} s wall`);
  }

  for (const n of results.newsroom ?? []) {
    row(n.measure, n.case, `${ms(n.ms.p50)} ms`, `${ms(n.ms.p95)} ms`, n.note);
  }

  const head = ['Measure', 'Case', 'p50', 'p95 (unless marked)', 'Notes (p50s unless marked)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
