import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureById } from '../../fixtures';
import { assetReader } from '../../src/adapters/assets';
import { createPhotoSource } from '../../src/adapters/photo-source';
import { loadFixtures, ORIGIN, TOKEN } from '../helpers';
import { ALLOWED_PHOTO_HOSTS, corpusApp, createTrap, runRows, url, type Row } from './harness';
import { ARTICLE_FIELDS, BAD_AUTH, GARBAGE_QUERIES, ODD_IDS, ODD_METHODS, SCRIPT_PAYLOADS, SSRF_URLS } from './payloads';

/**
 * The hostile-request corpus: payloads x fields x surfaces, run against the Worker's app in workerd.
 * Every answer: no 5xx, valid headers, a problem body for errors, no injected markup; card routes
 * always answer an image; no photo fetch off the allowlist (the trap counts them); a refused write
 * leaves the store as it was. A failure names its request.
 */
const trap = createTrap(SSRF_URLS);
const send = corpusApp(trap);
let sent = 0;
const run = async (rows: Row[], opts: Parameters<typeof runRows>[2] = {}) => {
  sent += rows.length;
  return runRows(rows, send, opts);
};

const BASE = fixtureById('20260701-editorial-press-freedom');
const SEED = '20180614-nk-laborers-china';
const canonical = (id: string) => `https://mainichi.jp/english/articles/${id}`;
const json = (body: unknown) => JSON.stringify(body);
const authed = (path: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${TOKEN}`);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return new Request(url(path), { ...init, headers });
};
const get = (path: string, init: RequestInit = {}) => new Request(url(path), init);

/**
 * The kind of answer a path gets once the URL parser resolved it (dot segments, `%2e`): card URLs an
 * image; the reader-facing page and embed an HTML page on errors; anything else problem bodies.
 */
function kindOf(path: string): Row['kind'] | undefined {
  const resolved = new URL(url(path)).pathname;
  if (/^\/card\/[^/]+\/[^/]+$/.test(resolved)) return 'image';
  if (/^\/(a|embed|s\/mastodon)\//.test(resolved)) return 'html-error';
  return undefined;
}
const withKind = (path: string) => {
  const kind = kindOf(path);
  return kind ? { kind } : {};
};

/** Everything a refused request must leave alone: the articles (with revisions) and the stored cards. */
async function storeDigest(): Promise<string> {
  const rows = await env.DB.prepare('SELECT id, revision, updated_at FROM articles ORDER BY id').all();
  const cards = await env.CARDS!.list({ prefix: 'cards/' });
  return `${json(rows.results)}|${cards.objects.length}`;
}

/** Public routes that take an article id, with the kind of answer each gives. */
const ID_ROUTES: Array<[string, (id: string) => string]> = [
  ['page', (id) => `/a/${id}`],
  ['embed', (id) => `/embed/${id}`],
  ['embed open', (id) => `/embed/${id}/open`],
  ['share bar', (id) => `/share-bar/${id}`],
  ['meta', (id) => `/api/articles/${id}/meta`],
  ['meta html', (id) => `/api/articles/${id}/meta?format=html`],
  ['share API', (id) => `/api/articles/${id}/share`],
  ['Mastodon page', (id) => `/s/mastodon/${id}`],
  ['share redirect', (id) => `/s/x/${id}`],
  ['og card', (id) => `/card/${id}/og.png`],
  ['square card', (id) => `/card/${id}/square.jpg?v=0`],
  ['oEmbed', (id) => `/oembed?url=${encodeURIComponent(canonical(id))}`],
];

beforeAll(loadFixtures);

// Bounded: the whole corpus runs in well under a minute on two cores; a row that hangs fails its test.
describe('hostile-request corpus', { timeout: 60_000 }, () => {
  it('script injection in every article field, on every public surface', async () => {
    const failures: string[] = [];
    for (const [p, payload] of SCRIPT_PAYLOADS.entries()) {
      const ingest: Row[] = [];
      const accepted: string[] = [];
      for (const [field, set] of Object.entries(ARTICLE_FIELDS)) {
        const id = `hx-${p}-${field.toLowerCase()}`;
        const doc: Record<string, unknown> = { ...structuredClone(BASE), id, url: canonical(id), publishedAt: `2030-01-01T00:${String(p).padStart(2, '0')}:00Z` };
        delete doc.modifiedAt;
        set(doc, payload.text);
        ingest.push({ name: `PUT ${field} <- ${payload.name}`, request: () => authed(`/api/articles/${id}`, { method: 'PUT', body: json(doc) }) });
      }
      // Ingest may refuse a payload (a 4xx problem); what it accepts must be safe everywhere.
      sent += ingest.length;
      await Promise.all(ingest.map(async (row) => {
        const res = await send(row.request());
        if (res.status >= 500) failures.push(`${row.name}: status ${res.status}`);
        if (res.status < 300) accepted.push(new URL(row.request().url).pathname.split('/').at(-1)!);
        await res.body?.cancel();
      }));
      const surfaces = (id: string, field: string): Row[] => [
        ['page', `/a/${id}`], ['embed', `/embed/${id}`], ['share bar', `/share-bar/${id}`], ['meta JSON', `/api/articles/${id}/meta`],
        ['meta fragment', `/api/articles/${id}/meta?format=html`], ['share API', `/api/articles/${id}/share`], ['Mastodon page', `/s/mastodon/${id}`],
        ['oEmbed JSON', `/oembed?format=json&url=${encodeURIComponent(canonical(id))}`], ['oEmbed XML', `/oembed.xml?url=${encodeURIComponent(canonical(id))}`],
      ].map(([surface, path]) => ({ name: `GET ${path} (${surface}; ${field} <- ${payload.name})`, request: () => get(path!), payload }));
      const rows = accepted.flatMap((id) => surfaces(id, id.split('-').at(-1)!));
      rows.push({ name: `GET / (home; ${payload.name} in every field)`, request: () => get('/'), payload });
      failures.push(...(await run(rows)));
    }
    expect(failures).toEqual([]);
  });

  it('SSRF through photo URLs: refused at ingest, never fetched, redirects never followed off the allowlist', async () => {
    const before = trap.hits.length;
    const rows: Row[] = SSRF_URLS.map((photo, i) => {
      const id = `hx-ssrf-${i}`;
      const doc = { ...structuredClone(BASE), id, url: canonical(id), cardTemplate: 'photo', image: { url: photo, alt: 'x', width: 1200, height: 800 } };
      return { name: `PUT photo ${photo}`, request: () => authed(`/api/articles/${id}`, { method: 'PUT', body: json(doc) }), rejected: true };
    });
    const failures = await run(rows, { before: storeDigest });
    // Allowed host, redirecting to each trap target: the card still answers, the target is never asked.
    const redirecting = SSRF_URLS.map((_, i) => {
      const id = `hx-redirect-${i}`;
      return { ...structuredClone(BASE), id, url: canonical(id), cardTemplate: 'photo', image: { url: `https://cdn.mainichi.jp/redirect/${i}.jpg`, alt: 'x', width: 1200, height: 800 } };
    });
    for (const doc of redirecting) expect((await send(authed(`/api/articles/${doc.id}`, { method: 'PUT', body: json(doc) }))).status).toBe(201);
    const cardRows: Row[] = redirecting.flatMap((doc) => ['og', 'square'].map((variant) => ({
      name: `GET card ${variant} of ${doc.id} (photo redirects to ${SSRF_URLS[Number(doc.id.split('-').at(-1))]})`,
      request: () => get(`/card/${doc.id}/${variant}.png`), kind: 'image' as const,
    })));
    failures.push(...(await run(cardRows)));
    // The redirects were 302s; follow them through the card route to the render.
    for (const row of cardRows) {
      const res = await send(row.request());
      const next = res.headers.get('location');
      if (next) failures.push(...(await run([{ ...row, name: `${row.name} at its current hash`, request: () => get(next) }])));
    }
    // And straight through the photo source adapter, as the renderer and the queue consumer use it.
    const photos = createPhotoSource({ imageHosts: [...ALLOWED_PHOTO_HOSTS], ownOrigin: ORIGIN, assets: assetReader(env.ASSETS), fetch: trap.fetch });
    for (const target of SSRF_URLS) {
      const result = await photos.get(target);
      if (result.ok) failures.push(`photo source read ${target}`);
    }
    const hits = trap.hits.slice(before);
    expect(failures).toEqual([]);
    expect(hits.filter((h) => !ALLOWED_PHOTO_HOSTS.has(new URL(h).host) || !h.startsWith('https:'))).toEqual([]);
    // The allowed CDN was asked (the trap works), once per redirect card rendered.
    expect(hits.length).toBeGreaterThan(0);
  });

  it('malformed, oversized and nested bodies, and batches with one bad article, change nothing', async () => {
    const valid = (id: string) => ({ ...structuredClone(BASE), id, url: canonical(id) });
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    const bodies: Array<[string, string, BodyInit, Record<string, string>?]> = [
      ['empty', 'PUT', ''], ['not JSON', 'PUT', '{"id":'], ['JSON null', 'PUT', 'null'], ['JSON string', 'PUT', '"article"'], ['JSON number', 'PUT', '1e400'],
      ['array', 'PUT', '[]'], ['BOM', 'PUT', '\ufeff' + json(valid('hx-body-1')).slice(0, 10)], ['lone surrogate escape in id', 'PUT', json(valid('hx-body-2')).replace('"hx-body-2"', '"\\ud800"')],
      ['NUL in headline', 'PUT', json({ ...valid('hx-body-3'), headline: 'a\u0000b', publishedAt: 'not a date' })],
      ['prototype pollution', 'PUT', '{"__proto__":{"status":"published"},"constructor":{"prototype":{"x":1}}}'],
      ['deep array nesting', 'PUT', deep(100_000)], ['deep object nesting', 'PUT', deepObject(50_000)],
      ['oversized article', 'PUT', json({ ...valid('hx-body-4'), body: ['x'.repeat(1024 * 1024)] })],
      ['wrong content type', 'PUT', json(valid('hx-body-5')), { 'content-type': 'text/plain' }],
      ['form content type', 'PUT', 'id=hx-body-6', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['lying content length', 'PUT', json(valid('hx-body-7')).slice(0, 20), { 'content-length': '5' }],
      ['gzip that is not', 'PUT', json(valid('hx-body-8')), { 'content-encoding': 'gzip' }],
      ['extra field', 'PUT', json({ ...valid('hx-body-9'), admin: true })],
      ['id in body differs', 'PUT', json(valid('hx-body-other'))],
      ['batch with one bad article', 'POST', json([valid('hx-batch-1'), { ...valid('hx-batch-2'), headline: '' }, valid('hx-batch-3')])],
      ['batch with one SSRF photo', 'POST', json([valid('hx-batch-4'), { ...valid('hx-batch-5'), image: { url: 'http://169.254.169.254/', alt: 'x', width: 1, height: 1 } }])],
      ['batch with a duplicate', 'POST', json([valid('hx-batch-6'), valid('hx-batch-6')])],
      ['batch of 101', 'POST', json(Array.from({ length: 101 }, (_, i) => valid(`hx-batch-big-${i}`)))],
      ['batch as object of string', 'POST', json({ articles: 'all' })], ['batch empty', 'POST', '[]'], ['batch nested', 'POST', deep(100_000)],
      ['batch over 10 MiB', 'POST', json([{ ...valid('hx-batch-7'), body: ['x'.repeat(11 * 1024 * 1024)] }])],
    ];
    const rows: Row[] = bodies.map(([name, method, body, headers]) => ({
      name: `${method} ${name}`,
      request: () => authed(method === 'POST' ? '/api/articles/batch' : '/api/articles/hx-body-1', { method, body, headers: { 'content-type': 'application/json', ...headers } }),
      rejected: true,
    }));
    expect(await run(rows, { before: storeDigest })).toEqual([]);
  });

  it('odd ids and URLs on every public route', async () => {
    const rows: Row[] = ODD_IDS.flatMap((id) => ID_ROUTES.map(([surface, path]) => ({
      name: `GET ${path(id).slice(0, 120)} (${surface})`, request: () => get(path(id)), ...withKind(path(id)),
    })));
    for (const odd of ['/a/../api/articles', '/a/%2e%2e/%2e%2e/etc/passwd', '/card/..%2f..%2fapi/og.png', '//evil.example/a/x', '/embed/%00/open', '/oembed?url=https%3A%2F%2Fmainichi.jp%2Fenglish%2Farticles%2F..%2F..%2F']) {
      rows.push({ name: `GET ${odd}`, request: () => get(odd), ...withKind(odd) });
    }
    expect(await run(rows)).toEqual([]);
  });

  it('every auth spelling on every private route is refused and changes nothing', async () => {
    const PRIVATE: Array<[string, string, string?]> = [
      ['GET', '/api/articles'], ['GET', `/api/articles/${SEED}`], ['GET', `/api/articles/${SEED}/stats`],
      ['PUT', '/api/articles/hx-auth', json({ ...structuredClone(BASE), id: 'hx-auth', url: canonical('hx-auth') })],
      ['DELETE', `/api/articles/${SEED}`], ['POST', '/api/articles/batch', json([{ ...structuredClone(BASE), id: 'hx-auth-2', url: canonical('hx-auth-2') }])],
    ];
    const rows: Row[] = BAD_AUTH.flatMap(([spelling, headers, query]) => PRIVATE.map(([method, path, body]) => ({
      name: `${method} ${path} with auth "${spelling}"`,
      request: () => get(path + (query ?? ''), { method, headers: { 'content-type': 'application/json', ...headers }, ...(body ? { body } : {}) }),
      rejected: true, expectStatus: 401,
    })));
    expect(await run(rows, { before: storeDigest })).toEqual([]);
  });

  it('garbage parameters and odd methods on every public route', async () => {
    const routes: Array<[string, string]> = [...ID_ROUTES.map(([surface, path]) => [surface, path(SEED)] as [string, string]), ['home', '/'],
      ['health', '/healthz'], ['oEmbed XML', '/oembed.xml?url=x'], ['embed script', '/embed.js']];
    const join = (path: string, q: string) => (path.includes('?') ? `${path}&${q.slice(1)}` : path + q);
    const rows: Row[] = routes.flatMap(([surface, path]) => [
      ...GARBAGE_QUERIES.map((q) => ({ name: `GET ${join(path, q).slice(0, 140)} (${surface})`, request: () => get(join(path, q)), ...withKind(join(path, q)) })),
      // Another method on a card URL is no image request: a 404/405 problem like any other route.
      ...ODD_METHODS.map((method) => ({ name: `${method} ${path} (${surface})`, request: () => get(path, { method }), ...(kindOf(path) === 'html-error' ? { kind: 'html-error' as const } : {}) })),
    ]);
    expect(await run(rows, { before: storeDigest })).toEqual([]);
  });

  it('CRLF and control characters never reach a header', async () => {
    const controls = ['%0d%0aSet-Cookie:%20hx=1', '%0aLocation:%20//evil.example', '%00', '%1b[31m', '%e2%80%a8', '%c2%85'];
    const rows: Row[] = controls.flatMap((c) => [
      { name: `Mastodon instance ${c}`, request: () => get(`/s/mastodon/${SEED}?instance=mastodon.social${c}`), kind: 'html-error' as const },
      { name: `share network ${c}`, request: () => get(`/s/x${c}/${SEED}`) },
      { name: `card id ${c}`, request: () => get(`/card/${SEED}${c}/og.png`), ...withKind(`/card/${SEED}${c}/og.png`) },
      { name: `card hash ${c}`, request: () => get(`/card/${SEED}/og.jpg?v=${c}`), kind: 'image' as const },
      { name: `oEmbed url ${c}`, request: () => get(`/oembed?url=${encodeURIComponent(canonical(SEED))}${c}`) },
      { name: `embed query ${c}`, request: () => get(`/embed/${SEED}?theme=${c}&lang=${c}`), kind: 'html-error' as const },
      { name: `If-None-Match with ${c}`, request: () => get(`/a/${SEED}`, { headers: { 'if-none-match': decodeURIComponent(c.replace(/%0d|%0a|%00/gi, '')) || 'x' } }) },
    ]);
    expect(await run(rows)).toEqual([]);
  });

  it('sent at least 1,000 hostile requests', () => {
    console.info(`hostile corpus: ${sent} requests`);
    expect(sent).toBeGreaterThanOrEqual(1000);
  });
});

describe('the corpus checks', () => {
  it('catch injected markup, a 5xx, a bad header and an error without a problem body', async () => {
    const [script, , , , , , , , , attribute] = SCRIPT_PAYLOADS;
    const html = (body: string) => new Response(body, { headers: { 'content-type': 'text/html' } });
    const row = (payload = script) => ({ name: 'self-test', request: () => get('/a/x'), payload });
    const { check } = await import('./harness');
    expect(await check(row(), html(`<p>${script!.text}</p>`))).toHaveLength(1);
    expect(await check(row(attribute), html(`<p title="${attribute!.text}">x</p>`))).toEqual(['HTML has an element with onmouseover=']);
    expect(await check(row(attribute), html('<p>" onmouseover="alert(10)" x="</p>'))).toEqual([]);
    expect(await check(row(), new Response('x', { status: 502 }))).toContain('status 502');
    expect(await check(row(), new Response('{}', { status: 400, headers: { 'content-type': 'application/json' } }))).toHaveLength(1);
    expect(await check({ ...row(), kind: 'image' }, new Response('{}', { status: 404 }))).toContain('card route answered 404');
  });
});
