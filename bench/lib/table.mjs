// The one table `npm run bench` prints (Markdown, so it can be pasted as it is).

const ms = (v) => (!Number.isFinite(v) ? '-' : Number.isInteger(v) || v >= 100 ? v.toFixed(0) : v.toFixed(1));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const x = (v) => `${v.toFixed(2)}x`;

function split(r) {
  const parts = [`satori ${ms(r.layout.p50)}+${ms(r.fonts.p50)} fonts`, `raster ${ms(r.raster.p50)}`, `png ${ms(r.png.p50)}`];
  if (r.encode) parts.push(`jpeg ${ms(r.encode.p50)}`);
  if (r.photo) parts.push(`photo ${ms(r.photo.p50)}`);
  return parts.join(' · ');
}

/** One line saying where and how the figures were taken. */
export function caption(results) {
  const { machine, versions, options } = results;
  const load = (l) => l.map((v) => v.toFixed(1)).join(' ');
  return `workerd ${versions.workerd} (wrangler ${versions.wrangler}), ${machine.cpus} CPUs, load ${load(machine.loadavgAtStart)} -> ${load(machine.loadavgAtEnd)}; ` +
    `${options.runs} measured runs after ${options.warmup} warm-up each; in-Worker ms at 1 ms resolution; ${results.seconds.toFixed(0)} s in all`;
}

export function table(results) {
  const rows = [];
  const row = (measure, subject, p50, tail, notes) => rows.push([measure, subject, p50, tail, notes]);

  for (const m of results.missRenders) {
    const type = m.contentType === 'image/jpeg' ? 'JPEG' : 'PNG';
    row('miss render', m.name, `${ms(m.compact.renderMs.p50)} ms`, `${ms(m.compact.renderMs.p95)} ms`, `${split(m.compact)} · ${kb(m.compact.bytes)} ${type}`);
    const time = x(m.compact.renderMs.p50 / m.resvg.renderMs.p50);
    const versus = m.contentType === 'image/png'
      ? `ours: ${x(m.compact.bytes / m.resvg.bytes)} the bytes (target <= 0.35x), ${time} the time (target <= 1.2x) · ${kb(m.resvg.bytes)}`
      : `ours: ${time} the time (PNG only on the way to JPEG) · ${kb(m.resvg.bytes)} ${type}`;
    row('  with asPng()', m.name, `${ms(m.resvg.renderMs.p50)} ms`, `${ms(m.resvg.renderMs.p95)} ms`, `${split(m.resvg)} · ${versus}`);
  }

  const c = results.coldStart;
  row('cold start', `${c.template} ${c.variant}, fresh isolate`, `${ms(c.totalMs.p50)} ms`, `${ms(c.totalMs.p95)} ms`, `first card of ${c.totalMs.n} fresh isolates, hash + render · render ${ms(c.renderMs.p50)}: ${split(c)} · round trip from Node ${ms(c.wallMs.p50)} / ${ms(c.wallMs.p95)} ms`);

  for (const h of results.hits) {
    for (const layer of ['cache', 'r2']) {
      const l = h[layer];
      row(layer === 'cache' ? 'Cache API hit' : 'R2 hit', h.name, `${ms(l.lookupMs.p50)} ms`, `${ms(l.lookupMs.p95)} ms`, `deliverCard observe · with body read ${ms(l.bodyMs.p50)} / ${ms(l.bodyMs.p95)} ms · ${kb(l.bytes)}`);
    }
  }

  for (const h of results.http) {
    const errors = h.errors + h.timeouts + h.non2xx;
    row(`HTTP ${h.name}`, `${h.connections} conns, ${h.seconds} s`, `${ms(h.latencyP50Ms)} ms`, `p99 ${ms(h.latencyP99Ms)} ms`, `${Math.round(h.rpsP50)} req/s (median second; ${Math.round(h.rpsOverall)} overall) · ${h.requests} requests · ${errors} errors · ${kb(h.bodyBytes)} body`);
  }

  const m = results.memory;
  const pick = m.samples.filter((s) => s.renders % 100 === 0 || s.renders === m.renders);
  const series = (key, digits = 0) => pick.map((s) => (s[key] / 1048576).toFixed(digits)).join('/');
  const pct = (v) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
  row('memory', `after ${m.renders} distinct renders`, `${mb(m.samples.at(-1).isolateBytes)} isolate`, `peak ${mb(m.peakIsolateBytes)}`,
    `at ${pick.map((s) => s.renders).join('/')} renders: isolate (V8 heap used + wasm) ${series('isolateBytes')} MB, ` +
    `wasm ${series('wasmBytes')} MB, V8 heap reserved ${series('heapTotalBytes')} MB, workerd RSS ${series('rssBytes')} MB · ` +
    `last 40% of renders: new peak ${pct(m.lateRise.isolate)} isolate, ${pct(m.lateRise.rss)} RSS · ${m.levelsOff ? 'levels off' : 'STILL GROWING'}`);

  for (const n of results.newsroom ?? []) {
    row(n.measure, n.case, `${ms(n.ms.p50)} ms`, `${ms(n.ms.p95)} ms`, n.note);
  }

  const head = ['Measure', 'Case', 'p50', 'p95 (unless marked)', 'Notes (p50s unless marked)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
