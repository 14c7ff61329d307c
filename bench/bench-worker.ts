// Entry point of `npm run bench` (started by bench/run.mjs with the bindings of wrangler.toml): times the
// project's own render and delivery modules inside workerd, built by the same composition root as the
// Worker (src/services). Locally workerd's clocks advance during CPU work, so in-Worker timings are real.
// Every endpoint takes the article as JSON, so nothing but the measured work touches the isolate before
// its first render.
import { articleSchema, type Article } from '../src/domain/article';
import { isCardTemplate, isCardVariant, type CardTemplate, type CardVariant } from '../src/domain/card';
import { assetReader } from '../src/adapters/assets';
import { siteConfigFor } from '../src/config';
import type { PngEncoding } from '../src/render/rasterise';
import { fontCacheStats } from '../src/render/fonts';
import { moduleWarmUp } from '../src/render/module-warm-up';
import { warmUpOnce } from '../src/render/warm-up';
import { createServices, type Services } from '../src/services';
import type { CardSource, CurrentCard } from '../src/services/cards';

interface BenchRequest {
  article: unknown;
  template: string;
  variant: string;
  encoding?: PngEncoding;
  /** Appended to the headline: a distinct card (memory run). */
  suffix?: string;
  /**
   * A photo URL no render has used (a query added to it): the binding scales the photo, as for an
   * article's first card; otherwise a photo card's photo is kept from its first render on.
   */
  newPhoto?: boolean;
}

/** Requests this isolate has served: 0 on the first proves a fresh isolate (cold start). */
let served = 0;

// The linear memories of the wasm modules (resvg, satori's yoga), recorded as they are instantiated on
// the first render: they grow to the largest image drawn and never shrink, and V8's heap figures leave
// them out. Only the bench wraps `instantiate`; both libraries call it with the compiled module.
const wasmMemories: { name: string; memory: WebAssembly.Memory }[] = [];
const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (...args: unknown[]) => Promise<unknown>;
(WebAssembly as { instantiate: unknown }).instantiate = async (...args: unknown[]) => {
  const result = await instantiate(...args);
  const instance = result instanceof WebAssembly.Instance ? result : (result as { instance: WebAssembly.Instance }).instance;
  const exports = Object.keys(instance.exports);
  const name = exports.some((k) => k.includes('resvg')) ? 'resvg' : 'yoga';
  const imported = Object.values((args[1] ?? {}) as Record<string, Record<string, unknown>>).flatMap((m) => Object.values(m));
  for (const value of [...Object.values(instance.exports), ...imported]) {
    if (value instanceof WebAssembly.Memory) wasmMemories.push({ name, memory: value });
  }
  return result;
};

/** Whether the module-load warm-up had run through when a request arrived (it runs as the isolate starts). */
let moduleWarmedUp = false;
void moduleWarmUp.then((ran) => (moduleWarmedUp = ran));

class BadRequest extends Error {}

async function parse(req: Request): Promise<{ article: Article; template: CardTemplate; variant: CardVariant; body: BenchRequest }> {
  const body = (await req.json()) as BenchRequest;
  if (!isCardTemplate(body.template) || !isCardVariant(body.variant)) throw new BadRequest('template or variant');
  let article = articleSchema.parse(body.article);
  // `text` on an article with a photo: the same article drawn with the text template.
  article = { ...article, cardTemplate: body.template };
  if (body.suffix) article = { ...article, headline: `${article.headline} ${body.suffix}`, socialHeadline: undefined };
  if (body.newPhoto && article.image) {
    const url = new URL(article.image.url);
    url.searchParams.set('bench-photo', crypto.randomUUID());
    article = { ...article, image: { ...article.image, url: url.href } };
  }
  return { article, template: body.template, variant: body.variant, body };
}

/** One miss render, exactly as the card route renders on a miss, with its stage timings. */
async function render(req: Request, env: Env, origin: string, first: boolean): Promise<Response> {
  const warmedUpOnArrival = moduleWarmedUp;
  const { article, template, variant, body } = await parse(req);
  const { cards } = createServices(env, { origin });
  const started = performance.now();
  const card = await cards.current(article, variant);
  const hashed = performance.now();
  // `compact` is the renderer's default pipeline (which also picks the quick PNG for cards headed to
  // JPEG); `resvg` swaps in resvg's own asPng() for comparison.
  const rendered = await cards.render(card.input, body.encoding === 'resvg' ? { encoding: 'resvg' } : {});
  const ended = performance.now();
  if (rendered.template !== template) throw new Error(`asked for a ${template} card, got ${rendered.template} (${rendered.fallback})`);
  return Response.json({
    firstRequest: first,
    moduleWarmedUp: warmedUpOnArrival,
    hashMs: hashed - started,
    renderMs: ended - hashed,
    totalMs: ended - started,
    timings: rendered.timings,
    bytes: rendered.bytes.byteLength,
    contentType: rendered.contentType,
  });
}

/** The card stored in both layers, as after a first miss (its storage writes awaited here). */
async function ensureStored(card: CurrentCard, services: Services): Promise<void> {
  const writes: Promise<unknown>[] = [];
  const res = await services.cards.deliver(card, { waitUntil: (p) => writes.push(p) });
  await res.arrayBuffer();
  await Promise.all(writes);
}

/**
 * One hit through the card service's `deliver`, from the Cache API (`layer=cache`) or from R2 (`layer=r2`: no cache
 * given, so the look-up goes straight to R2). `lookupMs` is what the `observe` hook reports (until the
 * layer answered); `bodyMs` adds reading the body to its end.
 */
async function hit(req: Request, env: Env, origin: string, layer: 'cache' | 'r2', ctx: ExecutionContext): Promise<Response> {
  const { article, variant } = await parse(req);
  const services = createServices(env, { origin });
  const card = await services.cards.current(article, variant);
  if (new URL(req.url).searchParams.has('prepare')) {
    await ensureStored(card, services);
    return Response.json({ key: card.key, url: card.url });
  }
  // The same layers, with the Cache API left out for an R2 hit, and a renderer that refuses.
  const layers = createServices(env, {
    origin,
    edgeCache: layer === 'cache',
    renderCard: () => Promise.reject(new Error('a hit was expected, not a render')),
  });
  let seen: { source: CardSource; ms: number } | undefined;
  const started = performance.now();
  const res = await layers.cards.deliver(card, {
    waitUntil: (p) => ctx.waitUntil(p),
    observe: (event) => (seen = event),
  });
  const bytes = (await res.arrayBuffer()).byteLength;
  const bodyMs = performance.now() - started;
  if (!seen || seen.source !== layer) throw new Error(`expected a ${layer} hit, got ${seen?.source}`);
  return Response.json({ source: seen.source, lookupMs: seen.ms, bodyMs, bytes });
}

export default {
  async fetch(req, env, ctx) {
    const res = await respond(req, env, ctx);
    // As src/index.ts does: the first response of an isolate starts the renderer's warm-up.
    const warm = warmUpOnce(siteConfigFor(env), { assets: assetReader(env.ASSETS) });
    if (warm) ctx.waitUntil(warm);
    return res;
  },
  // Pre-render jobs are dropped: they would render in the background of the measurements.
  queue: async (batch) => batch.ackAll(),
} satisfies ExportedHandler<Env>;

async function respond(req: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(req.url);
    const first = served++ === 0;
    try {
      if (req.method === 'GET' && url.pathname === '/__bench/font-cache') return Response.json(fontCacheStats());
      if (req.method === 'GET' && url.pathname === '/__bench/wasm-memory') {
        return Response.json(wasmMemories.map(({ name, memory }) => ({ name, bytes: memory.buffer.byteLength })));
      }
      // A first request that renders nothing, like a crawler's request for the article page.
      if (req.method === 'GET' && url.pathname === '/__bench/page') return new Response('page');
      if (req.method !== 'POST') return new Response('not found', { status: 404 });
      if (url.pathname === '/__bench/render') return await render(req, env, url.origin, first);
      if (url.pathname === '/__bench/hit/cache') return await hit(req, env, url.origin, 'cache', ctx);
      if (url.pathname === '/__bench/hit/r2') return await hit(req, env, url.origin, 'r2', ctx);
      return new Response('not found', { status: 404 });
    } catch (err) {
      return Response.json({ error: String(err) }, { status: err instanceof BadRequest ? 400 : 500 });
    }
}
