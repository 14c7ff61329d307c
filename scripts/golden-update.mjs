// `npm run golden:update [-- <filter>] [--out dir]`: renders every golden case (each published fixture
// with each template it can take, in each card variant) in workerd and writes the reference PNGs to
// test/golden/. Run it only for a deliberate change of the cards, then look at every image it wrote.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { unstable_startWorker } from 'wrangler';
import { readFixtures } from './lib/fixtures.mjs';
import { toReference } from '../test/golden/reference-image.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ options: { out: { type: 'string' }, full: { type: 'boolean' } }, allowPositionals: true });
const outDir = values.out ?? join(root, 'test/golden');
const filter = positionals[0] ?? '';

// Kept in step with CARD_VARIANTS (src/domain/card-variants.ts) by test/golden.test.ts, which fails
// when a variant has no references.
const VARIANTS = ['og', 'square'];

const worker = await unstable_startWorker({
  config: join(root, 'wrangler.toml'),
  entrypoint: join(root, 'test/golden/golden-worker.ts'),
  dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist: false, watch: false, logLevel: 'warn' },
});
try {
  const origin = (await worker.url).origin;
  // Fixture photo URLs keep their development origin (http://localhost:8787), one of IMAGE_HOSTS.
  const fixtures = (await readFixtures(join(root, 'fixtures/articles'), 'http://localhost:8787')).filter((f) => f.status === 'published');
  await mkdir(outDir, { recursive: true });
  let written = 0;
  for (const fixture of fixtures) {
    for (const template of fixture.image ? ['photo', 'text'] : ['text']) {
      for (const variant of VARIANTS) {
        const name = `${fixture.id}.${template}.${variant}.png`;
        if (!name.includes(filter)) continue;
        const res = await fetch(origin, { method: 'POST', body: JSON.stringify({ fixture, template, variant }) });
        if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`);
        const png = new Uint8Array(await res.arrayBuffer());
        // --full keeps the render at full size (to look at closely); references are reduced.
        const reference = values.full ? png : toReference(png);
        await writeFile(join(outDir, name), reference);
        console.log(`${name}  ${reference.byteLength} bytes (${res.headers.get('x-card-template')})`);
        written++;
      }
    }
  }
  console.log(`\n${written} references written to ${outDir}. Look at each one before committing it.`);
} finally {
  await worker.dispose();
}
