// Starting the Workers the bench measures, with wrangler's programmatic API (the runtime of
// `wrangler dev`) on loopback, each with a throw-away state directory.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { unstable_startWorker } from 'wrangler';
import { readFixtures } from '../../scripts/lib/fixtures.mjs';

export const root = join(import.meta.dirname, '../..');
const wrangler = join(root, 'node_modules/.bin/wrangler');

function stateDir() {
  return join(root, '.wrangler/bench', randomBytes(4).toString('hex'));
}

/**
 * bench/bench-worker.ts with the bindings of wrangler.toml (ASSETS, CARDS, IMAGES, ...). `inspector`:
 * for reading the isolate's heap (memory run); it is off for timings, which it slows a little.
 */
export async function startBenchWorker({ inspector = false } = {}) {
  const persist = stateDir();
  const worker = await unstable_startWorker({
    config: join(root, 'wrangler.toml'),
    entrypoint: join(root, 'bench/bench-worker.ts'),
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: inspector ? { hostname: '127.0.0.1', port: 0 } : false, persist, watch: false, logLevel: 'warn' },
  });
  const origin = (await worker.url).origin;
  let reloads = 0;
  return {
    origin,
    inspectorUrl: () => worker.inspectorUrl,
    fixtures: () => readFixtures(join(root, 'fixtures/articles'), origin),
    /** POSTs a JSON body to a bench endpoint: its JSON answer and the round trip seen from here. */
    async post(path, body) {
      const started = performance.now();
      const res = await fetch(`${origin}${path}`, { method: 'POST', body: JSON.stringify(body) });
      const json = await res.json();
      const wallMs = performance.now() - started;
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
      return { ...json, wallMs };
    },
    async getText(path) {
      const res = await fetch(`${origin}${path}`);
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      return res.text();
    },
    async get(path) {
      const res = await fetch(`${origin}${path}`);
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    /**
     * Restarts the Worker's runtime with an otherwise unused binding changed: the next request meets a
     * fresh isolate (the Worker confirms it with `firstRequest`).
     */
    async freshIsolate() {
      const done = once(worker.raw, 'reloadComplete');
      await worker.patchConfig({ bindings: { BENCH_ISOLATE: { type: 'plain_text', value: String(++reloads) } } });
      await done;
      await worker.raw.proxy.runtimeMessageMutex.drained();
    },
    async dispose() {
      await worker.dispose();
      await rm(persist, { recursive: true, force: true });
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The Worker itself (src/index.ts), as `npm start` runs it: migrated local D1, fixtures ingested, and
 * PUBLIC_URL and IMAGE_HOSTS naming its own origin so the queued pre-renders can read the fixture
 * photos (scripts/start.mjs does the same).
 */
export async function startAppWorker() {
  const persist = stateDir();
  const token = randomBytes(16).toString('hex');
  const staffToken = randomBytes(16).toString('hex');
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  execFileSync(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, CI: 'true' },
  });
  const worker = await unstable_startWorker({
    config: join(root, 'wrangler.toml'),
    dev: { server: { hostname: '127.0.0.1', port }, inspector: false, persist, watch: false, logLevel: 'warn' },
    bindings: {
      INGEST_TOKEN: { type: 'plain_text', value: token },
      STAFF_TOKEN: { type: 'plain_text', value: staffToken },
      PUBLIC_URL: { type: 'plain_text', value: publicUrl },
      IMAGE_HOSTS: { type: 'json', value: ['cdn.mainichi.jp', `127.0.0.1:${port}`] },
    },
  });
  const origin = (await worker.url).origin;
  const articles = await readFixtures(join(root, 'fixtures/articles'), origin);
  const res = await fetch(`${origin}/api/articles/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(articles),
  });
  if (!res.ok) throw new Error(`fixtures: ${res.status} ${await res.text()}`);
  return {
    origin,
    articles,
    staffToken,
    async dispose() {
      await worker.dispose();
      await rm(persist, { recursive: true, force: true });
    },
  };
}

/**
 * How to reach a Worker started with `unstable_startWorker` in its own runtime, without wrangler dev's
 * proxy Worker in between (a second workerd process that exists to hold requests while the Worker
 * reloads): `{ base, headers(path) }`, where the headers carry what that proxy would add, the URL the
 * Worker sees (`https://<host><path>`) and the secret by which the runtime trusts it. wrangler reports
 * the runtime's address only in a reload's `reloadComplete` event, so this reloads the Worker once (with
 * an otherwise unused binding added).
 */
export async function runtimeEntry(worker, host) {
  await worker.url;
  // The reload of this very change (a reload still under way from start-up may report first).
  const token = randomBytes(4).toString('hex');
  const reloaded = new Promise((resolve) => {
    const onReload = (event) => {
      if (event.config?.bindings?.BENCH_RUNTIME_ENTRY?.value !== token) return;
      worker.raw.off('reloadComplete', onReload);
      resolve(event);
    };
    worker.raw.on('reloadComplete', onReload);
  });
  await worker.patchConfig({ bindings: { ...worker.config.bindings, BENCH_RUNTIME_ENTRY: { type: 'plain_text', value: token } } });
  const { proxyData } = await reloaded;
  await worker.raw.proxy.runtimeMessageMutex.drained();
  const { protocol, hostname, port } = proxyData.userWorkerUrl;
  return {
    base: `${protocol}//${hostname}:${port}`,
    headers: (path) => ({ ...proxyData.headers, 'MF-Original-URL': `https://${host}${path}` }),
  };
}
