import { CARD_CONTENT_TYPES, type CardCache, type CardObjectMeta, type CardObjectStore } from '../../domain/card';
import { isHealablePhotoFailure } from '../../domain/operations';
import type { RenderedCard } from '../../render/render-card';
import type { CurrentCard } from './current-card';
import { createRenderSlots, MAX_CONCURRENT_RENDERS } from './render-slots';
import { createSingleFlight } from './single-flight';

/** Cache-Control of a card at its current hash: the URL changes whenever the pixels do. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * A card drawn without its photo (the photo host failed) is correct but not final: it is served
 * briefly and never stored, so the next request after the host recovers gets the photo card.
 */
export const DEGRADED = 'public, max-age=300';

export type CardSource = 'cache' | 'r2' | 'render';

export interface CardDeliveryDeps {
  store?: CardObjectStore;
  cache?: CardCache;
  render: (card: CurrentCard) => Promise<RenderedCard>;
  /** Keeps storage writes running after the response is sent (ExecutionContext.waitUntil). */
  waitUntil: (promise: Promise<unknown>) => void;
  /** Called with how a request was answered and how long the look-up took (logs, benchmark). */
  observe?: (event: CardDeliveryEvent) => void;
  /**
   * Called before a render this isolate is not already running; throws (e.g. `RenderRateLimited`)
   * when the render may not run. Cache and R2 hits and joined renders never call it.
   */
  admitRender?: () => Promise<void>;
}

/** How one card request was answered: the layer, the time to it, and for renders the stages and fallback. */
export interface CardDeliveryEvent {
  source: CardSource;
  key: string;
  ms: number;
  stages?: Record<string, number>;
  fallback?: string;
}

/** `Server-Timing` (W3C Server Timing) of a card answer: the layer as `desc`, then stages in ms. */
export function serverTiming(layer: string, ms: number, stages: Record<string, number> = {}): string {
  return [`layer;desc="${layer}";dur=${Math.round(ms)}`, ...Object.entries(stages).map(([stage, d]) => `${stage};dur=${Math.round(d)}`)].join(', ');
}

// One render per card per isolate, however many crawlers ask at once; at most a few cards at a time.
const renders = createSingleFlight<RenderedCard>();
const slots = createRenderSlots(MAX_CONCURRENT_RENDERS);
const renderOnce = (card: CurrentCard, render: (card: CurrentCard) => Promise<RenderedCard>) =>
  renders.run(card.key, () => slots.run(() => render(card)));

/** A render whose type is not the one the card's URL promises; the route answers the default image. */
export class CardTypeMismatchError extends Error {
  override name = 'CardTypeMismatchError';
}

/**
 * The bytes, Content-Type and URL extension of a card always agree: a render of another type than the
 * URL promises (`.jpg` is image/jpeg) is an error, never a response.
 */
function checkedType(card: CurrentCard, rendered: RenderedCard): RenderedCard {
  const promised = CARD_CONTENT_TYPES[card.format];
  if (rendered.contentType !== promised) {
    throw new CardTypeMismatchError(`rendered ${rendered.contentType} for a card served as ${promised} (.${card.format})`);
  }
  return rendered;
}

export const etagOf = (card: Pick<CurrentCard, 'hash'>) => `"${card.hash}"`;

function cardHeaders(card: CurrentCard, contentType: string, size: number, source: CardSource, cacheControl = IMMUTABLE): Headers {
  return new Headers({
    'content-type': contentType,
    'content-length': String(size),
    'cache-control': cacheControl,
    etag: etagOf(card),
    'x-card-source': source,
  });
}

function logged(what: string, card: CurrentCard, promise: Promise<unknown>): Promise<unknown> {
  return promise.catch((err: unknown) =>
    console.warn(JSON.stringify({ event: `card-${what}-failed`, articleId: card.articleId, key: card.key, reason: String(err) })),
  );
}

/** A layer that fails to answer is skipped (the next one answers), but never silently. */
function readFailed(what: string, card: CurrentCard, err: unknown): undefined {
  console.warn(JSON.stringify({ event: `card-${what}-failed`, articleId: card.articleId, key: card.key, reason: String(err) }));
  return undefined;
}

/**
 * A card at its current hash, from the cheapest layer that has it: the Cache API, then R2, then a
 * render (shared by concurrent requests). Writes to the layers above happen after the response
 * (`waitUntil`). A failing layer is skipped, never an error.
 */
export async function deliverCard(card: CurrentCard, deps: CardDeliveryDeps): Promise<Response> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;

  const cached = await deps.cache?.match(card.url).catch((err: unknown) => readFailed('cache-match', card, err));
  if (cached) {
    const ms = elapsed();
    deps.observe?.({ source: 'cache', key: card.key, ms });
    const headers = new Headers(cached.headers);
    headers.set('x-card-source', 'cache');
    headers.set('server-timing', serverTiming('edge', ms));
    return new Response(cached.body, { status: 200, headers });
  }

  const object = await deps.store?.get(card.key).catch((err: unknown) => readFailed('store-get', card, err));
  if (object) {
    const ms = elapsed();
    deps.observe?.({ source: 'r2', key: card.key, ms });
    const [forClient, forCache] = object.body.tee();
    if (deps.cache) {
      const res = new Response(forCache, { headers: cardHeaders(card, object.contentType, object.size, 'r2') });
      deps.waitUntil(logged('cache-put', card, deps.cache.put(card.url, res)));
    } else {
      await forCache.cancel();
    }
    const headers = cardHeaders(card, object.contentType, object.size, 'r2');
    headers.set('server-timing', serverTiming('r2', ms));
    return new Response(forClient, { headers });
  }

  // Joining a render already running costs nothing: only a new render is counted against the limits.
  if (deps.admitRender && !renders.has(card.key)) await deps.admitRender();
  // A render joined from another request fails with it if that request is cancelled (its client
  // went away): this request then draws the card itself rather than answer the default image.
  const joined = renders.has(card.key);
  const rendered = checkedType(card, await renderOnce(card, deps.render).catch((err: unknown) => {
    if (!joined) throw err;
    console.warn(JSON.stringify({ event: 'card-joined-render-failed', articleId: card.articleId, key: card.key, reason: String(err) }));
    return renderOnce(card, deps.render);
  }));
  const ms = elapsed();
  deps.observe?.({ source: 'render', key: card.key, ms, stages: rendered.timings, ...(rendered.fallback ? { fallback: rendered.fallback } : {}) });
  // A photo that can never be drawn makes the text card final for this version: stored like any card.
  const complete = !rendered.fallback || !isHealablePhotoFailure(rendered.fallback);
  const headers = cardHeaders(card, rendered.contentType, rendered.bytes.byteLength, 'render', complete ? IMMUTABLE : DEGRADED);
  headers.set('x-card-template', rendered.template);
  headers.set('server-timing', serverTiming('render', ms, rendered.timings));
  if (complete) {
    if (deps.store) {
      deps.waitUntil(
        logged('store-put', card, deps.store.put(card.key, rendered.bytes, metaOf(card, rendered))),
      );
    }
    if (deps.cache) {
      const copy = new Response(rendered.bytes.slice(), { headers: cardHeaders(card, rendered.contentType, rendered.bytes.byteLength, 'render') });
      deps.waitUntil(logged('cache-put', card, deps.cache.put(card.url, copy)));
    }
  }
  if (rendered.fallback) {
    console.warn(JSON.stringify({ event: 'card-photo-fallback', articleId: card.articleId, variant: card.variant, reason: rendered.fallback, final: complete }));
  }
  return new Response(rendered.bytes, { headers });
}

function metaOf(card: CurrentCard, rendered: RenderedCard): CardObjectMeta {
  return {
    contentType: rendered.contentType, articleId: card.articleId, variant: card.variant, hash: card.hash, template: rendered.template,
    ...(rendered.fallback ? { photoFallback: rendered.fallback } : {}),
  };
}

export type StoreOutcome = 'exists' | 'stored' | 'degraded' | 'stored-without-photo';

/**
 * Makes sure R2 holds the card (pre-rendering on publish). A card drawn without its photo for a
 * reason that can heal (timeout, 5xx) is not stored: the job is worth retrying later (`degraded`). A
 * photo that can never be drawn (host not allowed, 404, undecodable, too large) is final: the text
 * card is stored with the reason in its metadata (`stored-without-photo`).
 */
export async function storeCard(card: CurrentCard, deps: Pick<CardDeliveryDeps, 'store' | 'render'> & { store: CardObjectStore }): Promise<StoreOutcome> {
  if (await deps.store.has(card.key)) return 'exists';
  const rendered = checkedType(card, await renderOnce(card, deps.render));
  if (rendered.fallback && isHealablePhotoFailure(rendered.fallback)) return 'degraded';
  await deps.store.put(card.key, rendered.bytes, metaOf(card, rendered));
  return rendered.fallback ? 'stored-without-photo' : 'stored';
}
