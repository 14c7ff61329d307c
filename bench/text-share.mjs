// `node bench/text-share.mjs [runs]`: what drawing its text costs each stage of a text card's render
// (fitting, satori, resvg, PNG), in Node: the seed article's text `og` and `square` cards rendered with
// their text and without it, alternately (bench/node/text-share.ts), p50 of `runs` (default 60) after
// 10 warm-up renders each. Run `npm run build` first (the fonts come from dist/assets).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFixtures } from '../scripts/lib/fixtures.mjs';
import { readVars } from '../scripts/lib/wrangler-vars.mjs';
import { bundleForNode, distAssets } from './lib/vercel-og.mjs';
import { summary } from './lib/stats.mjs';

const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 60);
const { stages } = await import(pathToFileURL(await bundleForNode(root, 'bench/node/text-share.ts')).href);
const vars = await readVars(join(root, 'wrangler.toml'));
const [seed] = await readFixtures(join(root, 'fixtures/articles'), 'http://localhost:8787');
const assets = distAssets(root);
const keys = ['fitting', 'satori', 'resvg', 'png'];
const p50 = (samples, k) => summary(samples.map((s) => s[k])).p50;
const rows = [];
for (const variant of ['og', 'square']) {
  const card = { assets, vars, article: seed, template: 'text', variant };
  await stages({ ...card, runs: 10, withText: true });
  await stages({ ...card, runs: 10, withText: false });
  const withText = [];
  const without = [];
  for (let i = 0; i < runs; i++) {
    withText.push(...(await stages({ ...card, runs: 1, withText: true })));
    without.push(...(await stages({ ...card, runs: 1, withText: false })));
  }
  for (const [label, s] of [['with text', withText], ['without text', without]]) {
    const cells = keys.map((k) => p50(s, k));
    rows.push(`| text ${variant}, ${label} | ${cells.map((v) => v.toFixed(1)).join(' | ')} | ${cells.reduce((a, b) => a + b, 0).toFixed(1)} | ${(s[0].svgBytes / 1024).toFixed(1)} KB | ${(s[0].pngBytes / 1024).toFixed(1)} KB |`);
  }
}
console.log(`Node ${process.versions.node}, ${runs} runs, p50 ms\n`);
console.log('| card | fitting | satori | resvg | PNG | sum | SVG | PNG bytes |\n| --- | --- | --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
