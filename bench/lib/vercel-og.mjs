// The @vercel/og row of the bench: bundles bench/node/og-compare.ts for Node with esbuild (wasm
// imported as compiled modules, as wrangler does for workerd) and runs it in this process.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { readVars } from '../../scripts/lib/wrangler-vars.mjs';
import { summary } from './stats.mjs';

/**
 * Imports of files matching `filter` become modules whose default export `expression` makes from the
 * file's bytes (`bytes`), as wrangler's module rules make them for workerd.
 */
function fileModules(name, filter, expression) {
  return {
    name,
    setup(b) {
      b.onResolve({ filter }, async (args) => {
        if (args.pluginData === 'resolving') return undefined;
        const r = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
        return { path: r.path, namespace: name };
      });
      b.onLoad({ filter: /.*/, namespace: name }, (args) => ({
        contents: `import { readFileSync } from 'node:fs'; const bytes = readFileSync(${JSON.stringify(args.path)}); export default ${expression};`,
        loader: 'js',
      }));
    },
  };
}

/** `*.wasm`: a WebAssembly.Module compiled from the file (CompiledWasm); `*.woff`: an ArrayBuffer (Data). */
const wasmModules = fileModules('wasm-module', /\.wasm$/, 'new WebAssembly.Module(bytes)');
const dataModules = fileModules('data-module', /\.woff$/, 'bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)');

/**
 * Bundles `entry` (a path under bench/node/) for Node as wrangler bundles the Worker for workerd, into
 * .wrangler/bench/, and answers the bundle's path. @vercel/og stays a package: its Node build reads its
 * font and wasm next to itself.
 */
export async function bundleForNode(root, entry) {
  const outfile = join(root, '.wrangler/bench', entry.replace(/^.*\//, '').replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    external: ['@vercel/og'],
    plugins: [wasmModules, dataModules],
    logLevel: 'warning',
  });
  return outfile;
}

/** Reads dist/assets as the Worker's static assets binding would. */
export function distAssets(root) {
  return async (path) => {
    try {
      return new Response(await readFile(join(root, 'dist/assets', path)));
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
}

export async function vercelOgComparison(root, cards, { runs, warmup }) {
  const outfile = await bundleForNode(root, 'bench/node/og-compare.ts');
  // @vercel/og 1.0.3's Node build is an ES module that inlines harfbuzzjs (satori 0.33's shaper), which
  // still uses CommonJS's `require` and `__dirname` (to find hb.wasm, not shipped beside the bundle).
  // Give it both, `__dirname` pointing at the harfbuzzjs package it depends on.
  const require = createRequire(join(root, 'package.json'));
  globalThis.require ??= require;
  globalThis.__dirname ??= dirname(require.resolve('harfbuzzjs/package.json', { paths: [dirname(require.resolve('@vercel/og/package.json'))] }));
  const { compare } = await import(pathToFileURL(outfile).href);
  const vars = await readVars(join(root, 'wrangler.toml'));
  const versions = { vercelOg: require('@vercel/og/package.json').version };
  const assets = distAssets(root);
  const out = [];
  for (const card of cards) {
    const s = await compare({ assets, vars, article: card.article, template: card.template, variant: card.variant, runs, warmup });
    out.push({
      name: card.name,
      versions,
      ours: { ms: summary(s.ours.map((x) => x.ms)), bytes: s.ours[0].bytes },
      oursStages: Object.fromEntries(['fonts', 'layout', 'raster', 'png'].map((k) => [k, summary(s.ours.map((x) => x.timings[k] ?? 0)).p50])),
      vercelOg: { ms: summary(s.vercelOg.map((x) => x.ms)), bytes: s.vercelOg[0].bytes },
    });
  }
  return out;
}
