// Starts the Worker locally with wrangler's programmatic API (the runtime `npm start` uses) on a free
// loopback port, with its own throw-away state (D1 migrated, R2, cache, queue) and the fixtures loaded
// through the ingest API. Shared by the browser tests, `npm run card` and the benchmark.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unstable_startWorker } from 'wrangler';
import { pushFixtures } from './fixtures.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * @param {{ state?: string, entrypoint?: string, fixtures?: boolean, vars?: Record<string, string>, host?: string }} [options]
 *   `state`: folder under .wrangler/ for this run's state; `entrypoint`: another Worker module (the
 *   benchmark's); `fixtures`: load the fixture articles (default true); `vars`: vars to set or
 *   override (such as ORIGIN_URL for edge mode); `host`: the Worker sees every request as
 *   `https://<host>/…` (wrangler's dev origin), as behind a route on that host.
 */
export async function startLocalWorker({ state = 'local', entrypoint, fixtures = true, vars = {}, host } = {}) {
  const token = randomBytes(16).toString('hex');
  const staffToken = randomBytes(16).toString('hex');
  const persist = join(root, '.wrangler', state, randomBytes(4).toString('hex'));
  execFileSync(join(root, 'node_modules/.bin/wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, CI: 'true' },
  });
  const worker = await unstable_startWorker({
    config: join(root, 'wrangler.toml'),
    ...(entrypoint ? { entrypoint } : {}),
    dev: {
      server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist, watch: false, logLevel: 'warn',
      ...(host ? { origin: { hostname: host, secure: true } } : {}),
    },
    bindings: {
      INGEST_TOKEN: { type: 'plain_text', value: token },
      STAFF_TOKEN: { type: 'plain_text', value: staffToken },
      ...Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, { type: 'plain_text', value }])),
    },
  });
  const stop = async () => {
    await worker.dispose();
    await rm(persist, { recursive: true, force: true });
  };
  try {
    const origin = (await worker.url).origin;
    if (fixtures) await pushFixtures(root, origin, token);
    return { origin, token, staffToken, worker, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
