// `npm start`: wrangler dev on PORT (default 8787), then the fixture articles pushed through the
// ingest API (idempotent: unchanged articles are left as they are), then the sample URLs.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pushFixtures } from './lib/fixtures.mjs';
import { chooseEdgeOrigin, devArgs } from './lib/edge-origin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8787);
const origin = `http://localhost:${port}`;

// Edge mode: the publisher's origin. Unless ORIGIN_URL names one, a local sample origin serves article
// pages of the sample publisher, which this service proxies at the same paths (docs/edge-mode.md).
let sample;
let originUrl;
try {
  ({ sample, originUrl } = await chooseEdgeOrigin(process.env, { photos: origin }));
} catch (err) {
  console.error(String(err instanceof Error ? err.message : err));
  process.exit(1);
}

const dev = spawn('wrangler', devArgs({ port, originUrl }), {
  cwd: root,
  stdio: ['inherit', 'inherit', 'inherit'],
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => dev.kill(sig));
dev.on('exit', async (code) => {
  await sample?.stop();
  process.exit(code ?? 0);
});

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev did not answer on ${origin}/healthz`);
}

try {
  await waitForHealth();
  const vars = await readFile(join(root, '.dev.vars'), 'utf8');
  const token = /^INGEST_TOKEN=(.*)$/m.exec(vars)?.[1]?.trim();
  const staffToken = /^STAFF_TOKEN=(.*)$/m.exec(vars)?.[1]?.trim();
  const { articles, items } = await pushFixtures(root, origin, token);
  const counts = items.reduce((acc, i) => ({ ...acc, [i.status]: (acc[i.status] ?? 0) + 1 }), {});
  console.log(`\nFixtures loaded: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}.`);
  console.log(`\nPresscard is running on ${origin}\n`);
  console.log(`  Articles        ${origin}/`);
  for (const a of articles.filter((a) => a.status === 'published').slice(0, 4)) console.log(`  Article page    ${origin}/a/${a.id}`);
  console.log(`  Head tags (CMS) ${origin}/api/articles/${articles[0].id}/meta?format=html`);
  console.log(`\n  Edge mode: publisher pages from ${originUrl}${sample ? ' (local sample origin; ORIGIN_URL=<url> npm start for another)' : ''}`);
  for (const p of sample?.pages ?? []) console.log(`  Proxied (${p.lang.padEnd(7)}) ${origin}${p.path}`);
  if (!sample) console.log(`  Proxied         ${origin}<any article path of ARTICLE_URL_PATTERNS>`);
  console.log(`\n  Ingest token    in .dev.vars (INGEST_TOKEN)`);
  console.log(`  Newsroom        ${origin}/newsroom/sign-in  (staff token: ${staffToken})`);
  console.log(`                  scripts: curl -H "Authorization: Bearer ${staffToken}" ${origin}/api/newsroom/articles\n`);
} catch (err) {
  console.error(String(err));
  dev.kill('SIGTERM');
  process.exit(1);
}
