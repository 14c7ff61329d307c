import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { createApp } from '../../src/app';
import { UNLIMITED, type RateLimiters } from '../../src/domain/operations';
import type { RenderedCard } from '../../src/render/render-card';
import { ORIGIN } from '../helpers';
import type { ScriptPayload } from './payloads';

/** Hosts photos may come from in the test configuration (wrangler.toml, local development). */
export const ALLOWED_PHOTO_HOSTS = new Set(['cdn.mainichi.jp', 'localhost:8787', '127.0.0.1:8787']);

/**
 * The trap every outbound photo fetch goes through (the photo source's injected fetch): it records
 * each attempt. On the allowed CDN, `/redirect/<n>` answers a 302 to `targets[n]`.
 */
export function createTrap(targets: readonly string[]) {
  const hits: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    hits.push(url.href);
    const n = /^\/redirect\/(\d+)/.exec(url.pathname)?.[1];
    if (url.host === 'cdn.mainichi.jp' && n !== undefined) return new Response(null, { status: 302, headers: { location: targets[Number(n)]! } });
    return new Response('trap', { status: 404 });
  }) as typeof globalThis.fetch;
  const offAllowlist = () => hits.filter((h) => !ALLOWED_PHOTO_HOSTS.has(new URL(h).host) || !h.startsWith('https:'));
  return { fetch, hits, offAllowlist };
}

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const PNG_1x1 = fromBase64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==');
// The smallest valid JPEG: SOI, a 1x1 grey frame, EOI.
const JPEG_1x1 = fromBase64('/9j/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z');

/**
 * A stand-in renderer: fetches the photo through the real photo source (so SSRF rows exercise it) and
 * answers a 1x1 image of the type the card's URL promises (JPEG for photo cards when the Images binding
 * is there, as the real renderer does). Whether a card route answers an image does not depend on drawing it.
 */
const fakeRender = (async (input, deps) => {
  const photo = input.photo ? await deps.photos.get(input.photo.url) : undefined;
  const jpeg = input.template === 'photo' && Boolean(deps.images);
  return {
    bytes: jpeg ? JPEG_1x1 : PNG_1x1, contentType: jpeg ? 'image/jpeg' : 'image/png', width: 1, height: 1,
    template: photo?.ok ? 'photo' : 'text', timings: {}, texts: [], omitted: [], uncovered: [],
    ...(photo && !photo.ok ? { fallback: photo.reason } : {}),
  } satisfies RenderedCard;
}) as typeof import('../../src/render/render-card').renderCard;

const unlimited = Object.fromEntries(['cardRenderClient', 'cardRenderArticle', 'ingest', 'staffPreview', 'share'].map((k) => [k, UNLIMITED])) as RateLimiters;

/** The Worker's app with the trap as photo fetch, the stand-in renderer and no rate limits. */
export function corpusApp(trap: ReturnType<typeof createTrap>) {
  const app = createApp({ photoFetch: trap.fetch, renderCard: fakeRender, rateLimiters: unlimited });
  return async (req: Request): Promise<Response> => {
    const ctx = createExecutionContext();
    const res = await app.fetch(req, env, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  };
}

export const url = (path: string) => (path.startsWith('http') ? path : `${ORIGIN}${path}`);

/** A row of the corpus: one request, named, and what its answer must satisfy beyond the common checks. */
export interface Row {
  name: string;
  request: () => Request;
  /** `image`: a card route (an image or a redirect, never an error); `html-error`: a 4xx may be an HTML page for people. */
  kind?: 'image' | 'html-error';
  payload?: ScriptPayload;
  /** Must be a refusal (4xx) that left the store unchanged. */
  rejected?: boolean;
  expectStatus?: number;
}

const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** What every answer must satisfy; returns the problems found (empty: fine). */
export async function check(row: Row, res: Response): Promise<string[]> {
  const problems: string[] = [];
  // oEmbed 1.0 §2.3.4 requires 501 for a format the provider does not offer: the one 5xx allowed.
  const oembed501 = res.status === 501 && /^\/oembed(\.json|\.xml)?$/.test(new URL(row.request().url).pathname);
  if (res.status >= 500 && !oembed501) problems.push(`status ${res.status}`);
  if (row.expectStatus && res.status !== row.expectStatus) problems.push(`status ${res.status}, expected ${row.expectStatus}`);
  res.headers.forEach((value, name) => {
    if (!HEADER_VALUE.test(value)) problems.push(`header ${name} has a control character: ${JSON.stringify(value)}`);
  });
  const location = res.headers.get('location');
  if (location !== null && (/[\s<>"]/.test(location) || !URL.canParse(location, ORIGIN))) problems.push(`bad Location ${JSON.stringify(location)}`);
  const type = res.headers.get('content-type') ?? '';
  const body = await res.text();
  if (row.kind === 'image') {
    if (![200, 302, 304].includes(res.status)) problems.push(`card route answered ${res.status}`);
    if (res.status === 200 && !type.startsWith('image/')) problems.push(`card route answered ${type}`);
    return problems;
  }
  if (row.rejected && (res.status < 400 || res.status >= 500)) problems.push(`accepted (${res.status}) what must be refused`);
  if (res.status >= 400 && !(row.kind === 'html-error' && type.startsWith('text/html'))) {
    if (!type.startsWith('application/problem+json')) problems.push(`error ${res.status} as ${type}, not a problem body`);
    else {
      const p = JSON.parse(body) as { status?: unknown; title?: unknown; type?: unknown };
      if (p.status !== res.status || typeof p.title !== 'string' || typeof p.type !== 'string') problems.push(`malformed problem body ${body.slice(0, 200)}`);
    }
  }
  if (row.payload && res.status < 300) problems.push(...markupProblems(row.payload, type, body));
  return problems;
}

/** Injected markup in an answer: the payload's signature where markup is read, broken JSON-LD or XML. */
function markupProblems(payload: ScriptPayload, type: string, body: string): string[] {
  const found: string[] = [];
  const inMarkup = (where: string, markup: string) => {
    if (payload.attribute) {
      // Text may hold the quotes and words harmlessly; only a parsed attribute is an injection.
      const attr = payload.attribute;
      if (parse(markup).querySelectorAll('*').some((el) => attr in el.attributes)) found.push(`${where} has an element with ${attr}=`);
    } else if (markup.includes(payload.signature)) found.push(`${where} carries the markup ${JSON.stringify(payload.signature)}`);
    if (/\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/i.test(markup)) found.push(`${where} has a javascript: URL`);
    for (const m of markup.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
      try {
        JSON.parse(m[1]!);
      } catch {
        found.push(`${where}: JSON-LD does not parse`);
      }
    }
  };
  if (type.startsWith('text/html')) inMarkup('HTML', body);
  else if (type.includes('xml')) {
    inMarkup('XML', body);
    if (XMLValidator.validate(body) !== true) found.push('XML is not well-formed');
  } else if (type.includes('json')) {
    // JSON is data; only the strings a consumer inserts as markup (oEmbed `html`, head tags as HTML) count.
    const walk = (v: unknown, key: string): void => {
      if (typeof v === 'string' && /^(html|markup|head)$/.test(key)) inMarkup(`JSON "${key}"`, v);
      else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(JSON.parse(body), '');
  }
  return found;
}

/** Runs rows a few at a time; answers `name: problem` for every failed check. */
export async function runRows(rows: Row[], send: (req: Request) => Promise<Response>, opts: { concurrency?: number; before?: () => Promise<string>; } = {}): Promise<string[]> {
  const failures: string[] = [];
  const concurrency = opts.before ? 1 : (opts.concurrency ?? 12);
  for (let i = 0; i < rows.length; i += concurrency) {
    await Promise.all(rows.slice(i, i + concurrency).map(async (row) => {
      const snapshot = row.rejected && opts.before ? await opts.before() : undefined;
      let problems: string[];
      try {
        problems = await check(row, await send(row.request()));
      } catch (err) {
        problems = [`threw ${String(err)}`];
      }
      if (snapshot !== undefined && (await opts.before!()) !== snapshot) problems.push('the store changed');
      failures.push(...problems.map((p) => `${row.name}: ${p}`));
    }));
  }
  return failures;
}
