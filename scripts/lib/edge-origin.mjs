// Edge mode's origin for `npm start`: ORIGIN_URL when it names one (the publisher's own origin, or any
// other), else the local sample origin (sample-origin.mjs), started only then. Kept apart from
// start.mjs so the choice is tested (test/repo/local-start.test.ts) without starting wrangler.
import { startSampleOrigin } from './sample-origin.mjs';

/**
 * The origin the local service proxies. `env.ORIGIN_URL` (trimmed, non-empty) wins and must be an
 * http(s) origin without path, query or fragment, as the Worker requires (src/domain/edge/edge-config.ts);
 * a bad value throws before anything starts. Without it `startSample({ photos })` runs once.
 * @returns {Promise<{ originUrl: string, sample?: { url: string, pages: object[], stop(): Promise<void> } }>}
 */
export async function chooseEdgeOrigin(env, { photos, startSample = startSampleOrigin }) {
  const given = env.ORIGIN_URL?.trim();
  if (given) {
    let url;
    try {
      url = new URL(given);
    } catch {
      throw new Error(`ORIGIN_URL=${given}: not a URL (expected an origin such as https://origin.example.com)`);
    }
    if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
      throw new Error(`ORIGIN_URL=${given}: expected an http(s) origin without path, query, fragment or credentials`);
    }
    return { originUrl: url.origin };
  }
  const sample = await startSample({ photos });
  return { originUrl: sample.url, sample };
}

/** wrangler dev's arguments for `npm start`: this service on `port`, proxying `originUrl`. */
export function devArgs({ port, originUrl }) {
  const origin = `http://localhost:${port}`;
  return [
    'dev', '--port', String(port), '--ip', '127.0.0.1',
    '--var', `PUBLIC_URL:${origin}`,
    '--var', `ORIGIN_URL:${originUrl}`,
    '--var', `IMAGE_HOSTS:${JSON.stringify(['cdn.mainichi.jp', `localhost:${port}`, `127.0.0.1:${port}`])}`,
  ];
}
