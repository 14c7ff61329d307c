// `npm run card -- <id> [variant] [--out file]`: writes an article's share card to a file, exactly as
// crawlers get it, so it can be looked at without a browser. Starts the Worker (wrangler, local D1 in a
// throw-away directory) with the fixtures loaded; <id> is a fixture id.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalWorker } from './lib/local-worker.mjs';

const { values, positionals } = parseArgs({ options: { out: { type: 'string', short: 'o' } }, allowPositionals: true });
const [id, variant = 'og'] = positionals;
if (!id) {
  console.error('usage: npm run card -- <article id> [og|square] [--out file]');
  process.exit(2);
}

const { origin, stop } = await startLocalWorker({ state: 'card-cli' });
try {
  // The extension in the URL is the one og:image would carry; the response says what it really is.
  const res = await fetch(`${origin}/card/${encodeURIComponent(id)}/${encodeURIComponent(variant)}.png`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const template = res.headers.get('x-card-template');
  // npm runs scripts in the package root; a relative path is meant from where npm was started.
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out ?? `card-${id}-${variant}.${type === 'image/jpeg' ? 'jpg' : 'png'}`);
  await writeFile(out, bytes);
  console.log(`${out}\n  ${type}, ${bytes.byteLength} bytes, template ${template}`);
  if (res.headers.get('server-timing')) console.log(`  ${res.headers.get('server-timing')}`);
  if (template === 'default') {
    console.log(`  This is the site's default image: "${id}" is not a published fixture, "${variant}" is not a variant, or the render failed (see the log above).`);
    process.exitCode = 1;
  }
} finally {
  await stop();
}
