// `node bench/module-load.mjs [runs]`: what loading the renderer's module costs an isolate at start-up
// (src/render/module-warm-up.ts and what it imports), measured in Node: the module is bundled with
// esbuild as wrangler bundles it (`.wasm` as a compiled WebAssembly.Module, `.woff` as an ArrayBuffer,
// wrangler.toml's module rules), then each run imports a fresh copy in a fresh Node process and times
// evaluation until the module-load warm-up settles. Node's V8 is not workerd's, and Node has idle cores
// for background compilation that a loaded isolate may not: the figure is a guide, not the platform's.
import { execFileSync } from 'node:child_process';
import { rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 5);
const dir = await mkdtemp(join(tmpdir(), 'module-load-'));
const binary = {
  name: 'binary-modules',
  setup(b) {
    b.onLoad({ filter: /\.(wasm|woff)$/ }, async (args) => ({
      contents:
        `const bytes = process.getBuiltinModule('node:fs').readFileSync(${JSON.stringify(args.path)});\n` +
        (args.path.endsWith('.wasm') ? 'export default new WebAssembly.Module(bytes);' : 'export default bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);'),
      loader: 'js',
    }));
  },
};
const entry = join(dir, 'entry.ts');
await writeFile(entry, `import { moduleWarmUp } from ${JSON.stringify(join(root, 'src/render/module-warm-up.ts'))};\nexport { moduleWarmUp };\n`);
await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', outfile: join(dir, 'bundle.mjs'), plugins: [binary], logLevel: 'error', mainFields: ['module', 'main'], conditions: ['worker', 'browser'] });
// Compiling the wasm bytes is not part of an isolate's start (the platform hands it compiled modules):
// it is timed apart and left out.
const probe = `
const t0 = performance.now();
const c0 = process.cpuUsage();
const m = await import(${JSON.stringify(join(dir, 'bundle.mjs'))});
const t1 = performance.now();
const c1 = process.cpuUsage();
await m.moduleWarmUp;
const t2 = performance.now();
const c2 = process.cpuUsage();
const cpu = (a, b) => (b.user + b.system - a.user - a.system) / 1000;
console.log(JSON.stringify({ evaluateMs: t1 - t0, warmUpMs: t2 - t1, totalMs: t2 - t0, warmUpCpuMs: cpu(c1, c2) }));`;
const results = [];
for (let i = 0; i < runs; i++) {
  const out = execFileSync(process.execPath, [...(process.env.MODULE_LOAD_NODE_FLAGS ?? "").split(" ").filter(Boolean), '--input-type=module', '-e', probe], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (process.env.MODULE_LOAD_NODE_FLAGS) process.stderr.write(out);
  results.push(JSON.parse(out.trim().split("\n").at(-1)));
  console.log(`run ${i + 1}: import (incl. compiling the wasm bytes, which the platform does before start-up) ${results.at(-1).evaluateMs.toFixed(0)} ms, then the warm-up settles after ${results.at(-1).warmUpMs.toFixed(0)} ms (${results.at(-1).warmUpCpuMs.toFixed(0)} ms of CPU time, all threads)`);
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`median: warm-up ${med(results.map((r) => r.warmUpMs)).toFixed(0)} ms after the import, ${med(results.map((r) => r.warmUpCpuMs)).toFixed(0)} ms of CPU time`);
await rm(dir, { recursive: true, force: true });
