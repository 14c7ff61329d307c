// `npm run deploy:check` (run by .ci/run): for staging and production, checks that wrangler.toml
// declares every binding and var local development has, with no development-only values, then runs
// `wrangler deploy --dry-run --env <name>` (no network needed) and fails on a bundle over the free
// plan's 3 MB compressed. Expects `npm run build` to have run (the assets directory).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'smol-toml';
import { environmentProblems, FREE_PLAN_GZIP_BYTES, reportedGzipBytes } from './lib/deploy-config.mjs';

const root = join(import.meta.dirname, '..');
const ENVIRONMENTS = ['staging', 'production'];
const config = parse(readFileSync(join(root, 'wrangler.toml'), 'utf8'));
let failed = false;
const fail = (message) => {
  failed = true;
  console.error(`✗ ${message}`);
};

for (const name of ENVIRONMENTS) {
  const problems = environmentProblems(config, name);
  problems.forEach(fail);
  if (problems.length > 0) continue;
  const outdir = await mkdtemp(join(tmpdir(), `presscard-dry-run-${name}-`));
  try {
    const run = spawnSync(join(root, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--env', name, '--outdir', outdir], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
    });
    const output = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0) {
      fail(`env.${name}: wrangler deploy --dry-run failed\n${output}`);
      continue;
    }
    // The bundle as uploaded: the script and its modules (wasm), without source maps.
    const files = readdirSync(outdir, { recursive: true }).map(String).filter((f) => !f.endsWith('.map') && statSync(join(outdir, f)).isFile());
    const ownGzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(outdir, f)), { level: 9 }).byteLength, 0);
    const reported = reportedGzipBytes(output);
    if (reported === undefined) fail(`env.${name}: wrangler did not report the compressed size`);
    const size = Math.max(reported ?? 0, ownGzip);
    if (size > FREE_PLAN_GZIP_BYTES) fail(`env.${name}: bundle is ${size} bytes compressed, over the free plan's ${FREE_PLAN_GZIP_BYTES}`);
    else console.log(`✓ env.${name}: dry-run deploy, ${(size / 1e6).toFixed(2)} MB compressed (limit ${FREE_PLAN_GZIP_BYTES / 1e6} MB), every binding declared`);
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
