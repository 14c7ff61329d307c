// Newsroom rows of `npm run bench`: the preview JSON of the seed article, and the live re-render a
// newsroom edit triggers (POST preview with a new social headline on a text card: a render the
// public never sees). Round trips from Node over loopback, one at a time, after a warm-up.
import { summary } from './stats.mjs';

async function timed(fn, { runs, warmup }) {
  const values = [];
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    await fn(i);
    if (i >= warmup) values.push(performance.now() - started);
  }
  return summary(values);
}

/**
 * Waits until the pre-renders the fixtures' ingest queued are done (every published fixture's og card
 * answers from R2 or the Cache API): measured while those photo cards render, a preview waits behind
 * them in the one isolate and the figure says nothing about the preview. Gives up after `ms`.
 */
async function queueDrained(app, ms = 120_000) {
  const deadline = Date.now() + ms;
  const published = app.articles.filter((a) => a.status === 'published' && !a.embargoUntil);
  for (const a of published) {
    for (;;) {
      const res = await fetch(`${app.origin}/card/${encodeURIComponent(a.id)}/og.png`);
      await res.arrayBuffer();
      if (['r2', 'cache'].includes(res.headers.get('x-card-source') ?? '') || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export async function newsroomRuns(app, { seed, text, runs, warmup }) {
  await queueDrained(app);
  const headers = { authorization: `Bearer ${app.staffToken}` };
  const call = async (path, init = {}) => {
    const res = await fetch(`${app.origin}${path}`, { ...init, headers: { ...headers, ...(init.headers ?? {}) } });
    const body = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    if (body.networks?.length !== 14) throw new Error(`${path}: expected 14 networks`);
    return body;
  };
  const preview = `/api/newsroom/articles/${encodeURIComponent(seed.id)}/preview`;
  const edit = `/api/newsroom/articles/${encodeURIComponent(text.id)}/preview`;
  return [
    {
      measure: 'newsroom preview JSON',
      case: `${seed.id}, og card drawn`,
      ms: await timed(() => call(preview), { runs, warmup }),
      note: 'GET preview: 14 mocks, warnings, a staff-only render of the og card for its facts (photo card)',
    },
    {
      measure: 'newsroom preview JSON',
      case: `${seed.id}, no render`,
      ms: await timed(() => call(`${preview}?render=0`), { runs, warmup }),
      note: 'GET preview?render=0: tags, 14 mocks and warnings only',
    },
    {
      measure: 'newsroom live re-render',
      case: `${text.id}, edited headline`,
      ms: await timed((i) => call(edit, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ socialHeadline: `Edited headline number ${i} for the live preview` }) }), { runs, warmup }),
      note: 'POST preview with a new social headline each time: a text card rendered (never stored) + 14 mocks (target < 100 ms warm)',
    },
  ];
}
