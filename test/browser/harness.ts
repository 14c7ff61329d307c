// Starts the Worker with wrangler's programmatic API (the same runtime as `npm start`) and Debian's
// Chromium through playwright-core. Used by the browser tests; never downloads a browser.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { unstable_startWorker } from 'wrangler';
import { readFixtures } from '../../scripts/lib/fixtures.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = join(import.meta.dirname, '../..');

export interface RunningWorker {
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/** The Worker on a free loopback port with a fresh local D1 (migrated) and the fixtures loaded. */
export async function startWorker(): Promise<RunningWorker> {
  const token = randomBytes(16).toString('hex');
  const persistTo = join(root, '.wrangler/browser-test', randomBytes(4).toString('hex'));
  // Same migrations as `npm start`, into a state directory of this run only.
  execFileSync(join(root, 'node_modules/.bin/wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, CI: 'true' },
  });
  const worker = await unstable_startWorker({
    config: join(root, 'wrangler.toml'),
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist: persistTo, watch: false, logLevel: 'warn' },
    bindings: { INGEST_TOKEN: { type: 'plain_text', value: token } },
  } as Parameters<typeof unstable_startWorker>[0]);
  const url = await worker.url;
  const origin = url.origin;
  const articles = await readFixtures(join(root, 'fixtures/articles'), origin);
  const res = await fetch(`${origin}/api/articles/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(articles),
  });
  if (!res.ok) throw new Error(`fixtures: ${res.status} ${await res.text()}`);
  return { origin, token, stop: () => worker.dispose() };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Names other than loopback never resolve: a page that follows a link or redirect off this
      // machine fails locally (tests read the request it tried), and no DNS query leaves.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
}
