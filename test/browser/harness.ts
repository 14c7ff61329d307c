// Starts the Worker with wrangler's programmatic API (the same runtime as `npm start`) and Debian's
// Chromium through playwright-core. Used by the browser tests; never downloads a browser.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startLocalWorker } from '../../scripts/lib/local-worker.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningWorker {
  origin: string;
  token: string;
  /** STAFF_TOKEN of this run (the newsroom). */
  staffToken: string;
  stop(): Promise<void>;
}

/** The Worker on a free loopback port with a fresh local D1 (migrated) and the fixtures loaded. */
export async function startWorker(): Promise<RunningWorker> {
  const { origin, token, staffToken, stop } = await startLocalWorker({ state: 'browser-test' });
  return { origin, token, staffToken, stop };
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

/**
 * For a test file: the Worker and Chromium, started once before its tests and stopped after them.
 * Read `suite.worker` and `suite.browser` inside tests (they are set by then).
 */
export function browserSuite(options: { browser?: boolean } = {}): { worker: RunningWorker; browser: Browser } {
  const suite = {} as { worker: RunningWorker; browser: Browser };
  beforeAll(async () => {
    suite.worker = await startWorker();
    if (options.browser !== false) suite.browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.worker?.stop();
  });
  return suite;
}
