// Edge mode under a burst, end to end in wrangler's runtime (each request its own request context, as
// on Cloudflare): crawlers of several networks fetch a newly shared link in the same second. Work
// shared between requests (a read, an extraction, a render) must never leave one request waiting on
// another's I/O (docs/platforms.md, "Cloudflare Workers runtime"): every request gets its answer.
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalWorker } from '../../scripts/lib/local-worker.mjs';
import { startSampleOrigin } from '../../scripts/lib/sample-origin.mjs';

let origin: Awaited<ReturnType<typeof startSampleOrigin>>;
let worker: Awaited<ReturnType<typeof startLocalWorker>>;

beforeAll(async () => {
  origin = await startSampleOrigin({ photos: 'http://localhost:8787' });
  worker = await startLocalWorker({ state: 'edge-burst', fixtures: false, vars: { ORIGIN_URL: origin.url } });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await origin?.stop();
});

/** `total` GETs of `path`, `concurrency` at a time: each answer's status and body. */
async function burst(path: string, total: number, concurrency: number) {
  const answers: { status: number; body: string }[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) {
      next++;
      const res = await fetch(worker.origin + path);
      answers.push({ status: res.status, body: await res.text() });
    }
  }));
  return answers;
}

const ogTitles = (html: string) => [...html.matchAll(/<meta property="og:title" content="([^"]*)"/g)].map((m) => decodeHTML(m[1]!));

describe('edge mode: a burst of crawlers', () => {
  it('40 simultaneous first requests of a new article page all get the rewritten page', async () => {
    const page = origin.pages.find((p) => p.lang === 'ko')!;
    const answers = await burst(page.path, 40, 40);
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
    for (const a of answers) {
      expect(ogTitles(a.body)).toHaveLength(1);
      expect(a.body).toContain('presscard-share');
    }
  });

  it('40 simultaneous oEmbed requests for an article nobody has asked for all get it', async () => {
    const page = origin.pages.find((p) => p.lang === 'zh-Hant')!;
    const answers = await burst(`/oembed?url=${encodeURIComponent(`https://mainichi.jp${page.path}`)}`, 40, 40);
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
    for (const a of answers) expect(JSON.parse(a.body)).toMatchObject({ type: 'rich', title: page.headline });
  });

  it('200 views of a stored article, 40 at a time, all get the rewritten page', async () => {
    const page = origin.pages.find((p) => p.lang === 'en')!;
    const answers = await burst(page.path, 200, 40);
    expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.body.slice(0, 120)}`)).toEqual([]);
    for (const a of answers) expect(ogTitles(a.body)).toEqual([page.headline]);
  });
});
