// Starts the Worker with wrangler's programmatic API (the same runtime as `npm start`) and Debian's
// Chromium through playwright-core. Used by the browser tests; never downloads a browser.
import { chromium, type Browser } from 'playwright-core';
import { startLocalWorker } from '../../scripts/lib/local-worker.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningWorker {
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/** The Worker on a free loopback port with a fresh local D1 (migrated) and the fixtures loaded. */
export async function startWorker(): Promise<RunningWorker> {
  const { origin, token, stop } = await startLocalWorker({ state: 'browser-test' });
  return { origin, token, stop };
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
