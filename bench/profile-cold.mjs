// `node bench/profile-cold.mjs [runs]`: CPU profiles of a fresh isolate's first card render (text `og`,
// seed article) through the inspector's sampling profiler; prints where the time went by function and
// by script, summed over the runs, and writes the last profile to bench/cold.cpuprofile (for DevTools).
// Also times a fresh isolate's first trivial request (`/__bench/page`), which waits for the module to
// load and its module-load warm-up to settle.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
const { root, startBenchWorker } = await import('./lib/workers.mjs');
const { connectInspector } = await import('./lib/inspector.mjs');
const { waitForIdle } = await import('./lib/proc.mjs');

const runs = Number(process.argv[2] ?? 3);
const bench = await startBenchWorker({ inspector: true });
const fixtures = await bench.fixtures();
const card = { article: fixtures[0], template: 'text', variant: 'og' };
const byFunction = new Map();
const byScript = new Map();
let profile;
try {
  for (let i = 0; i < runs; i++) {
    await bench.freshIsolate();
    await waitForIdle({ quietMs: 300 });
    const inspector = await connectInspector(await bench.inspectorUrl());
    await inspector.call('Profiler.enable');
    await inspector.call('Profiler.setSamplingInterval', { interval: 200 });
    await inspector.call('Profiler.start');
    const r = await bench.post('/__bench/render', card);
    ({ profile } = await inspector.call('Profiler.stop'));
    inspector.close();
    console.log(`run ${i + 1}: first request ${r.firstRequest}, render ${r.renderMs.toFixed(0)} ms`, JSON.stringify(r.timings));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = new Map();
    for (let k = 0; k < profile.samples.length; k++) dt.set(profile.samples[k], (dt.get(profile.samples[k]) ?? 0) + (profile.timeDeltas[k + 1] ?? 0) / 1000);
    for (const [id, ms] of dt) {
      const f = nodes.get(id).callFrame;
      const script = (f.url || '(native)').split('/').slice(-2).join('/');
      const key = `${f.functionName || '(anonymous)'} ${script}:${f.lineNumber}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms / runs);
      byScript.set(script, (byScript.get(script) ?? 0) + ms / runs);
    }
  }
} finally {
  await bench.dispose();
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`).join('\n');
console.log(`\nself time per run, by script:\n${top(byScript, 15)}\n\nby function:\n${top(byFunction, 40)}`);
await writeFile(join(root, 'bench/cold.cpuprofile'), JSON.stringify(profile));
