// `npm run card -- <id> [variant] [--out file]`: writes an article's share card to a file, exactly as
// crawlers get it, so it can be looked at without a browser. Starts the Worker (wrangler, local D1 in a
// throw-away directory) with the fixtures loaded; <id> is a fixture id.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { unstable_startWorker } from 'wrangler';
import { readFixtures } from './lib/fixtures.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ options: { out: { type: 'string', short: 'o' } }, allowPositionals: true });
const [id, variant = 'og'] = positionals;
if (!id) {
  console.error('usage: npm run card -- <article id> [og|square] [--out file]');
  process.exit(2);
}

const token = randomBytes(16).toString('hex');
const persist = join(root, '.wrangler/card-cli', randomBytes(4).toString('hex'));
execFileSync(join(root, 'node_modules/.bin/wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist], {
  cwd: root,
  stdio: 'pipe',
  env: { ...process.env, CI: 'true' },
});
const worker = await unstable_startWorker({
  config: join(root, 'wrangler.toml'),
  dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist, watch: false, logLevel: 'warn' },
  bindings: { INGEST_TOKEN: { type: 'plain_text', value: token } },
});
try {
  const origin = (await worker.url).origin;
  const articles = await readFixtures(join(root, 'fixtures/articles'), origin);
  const loaded = await fetch(`${origin}/api/articles/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(articles),
  });
  if (!loaded.ok) throw new Error(`loading fixtures failed: ${loaded.status} ${await loaded.text()}`);

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
  await worker.dispose();
  await rm(persist, { recursive: true, force: true });
}
