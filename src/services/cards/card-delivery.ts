import { CARD_CONTENT_TYPES, type CardCache, type CardObjectStore } from '../../domain/card';
import type { RenderedCard } from '../../render/render-card';
import type { CurrentCard } from './current-card';
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
  observe?: (event: { source: CardSource; key: string; ms: number }) => void;
}

// One render per card per isolate, however many crawlers ask at once.
const renders = createSingleFlight<RenderedCard>();

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
  const seen = (source: CardSource) => deps.observe?.({ source, key: card.key, ms: performance.now() - started });

  const cached = await deps.cache?.match(card.url).catch((err: unknown) => readFailed('cache-match', card, err));
  if (cached) {
    seen('cache');
    const headers = new Headers(cached.headers);
    headers.set('x-card-source', 'cache');
    return new Response(cached.body, { status: 200, headers });
  }

  const object = await deps.store?.get(card.key).catch((err: unknown) => readFailed('store-get', card, err));
  if (object) {
    seen('r2');
    const [forClient, forCache] = object.body.tee();
    if (deps.cache) {
      const res = new Response(forCache, { headers: cardHeaders(card, object.contentType, object.size, 'r2') });
      deps.waitUntil(logged('cache-put', card, deps.cache.put(card.url, res)));
    } else {
      await forCache.cancel();
    }
    return new Response(forClient, { headers: cardHeaders(card, object.contentType, object.size, 'r2') });
  }

  const rendered = checkedType(card, await renders.run(card.key, () => deps.render(card)));
  seen('render');
  const complete = !rendered.fallback;
  const headers = cardHeaders(card, rendered.contentType, rendered.bytes.byteLength, 'render', complete ? IMMUTABLE : DEGRADED);
  headers.set('x-card-template', rendered.template);
  headers.set('server-timing', Object.entries(rendered.timings).map(([stage, ms]) => `${stage};dur=${Math.round(ms)}`).join(', '));
  if (complete) {
    if (deps.store) {
      deps.waitUntil(
        logged('store-put', card, deps.store.put(card.key, rendered.bytes, {
          contentType: rendered.contentType, articleId: card.articleId, variant: card.variant, hash: card.hash, template: rendered.template,
        })),
      );
    }
    if (deps.cache) {
      const copy = new Response(rendered.bytes.slice(), { headers: cardHeaders(card, rendered.contentType, rendered.bytes.byteLength, 'render') });
      deps.waitUntil(logged('cache-put', card, deps.cache.put(card.url, copy)));
    }
  } else {
    console.warn(JSON.stringify({ event: 'card-photo-fallback', articleId: card.articleId, variant: card.variant, reason: rendered.fallback }));
  }
  return new Response(rendered.bytes, { headers });
}

export type StoreOutcome = 'exists' | 'stored' | 'degraded';

/**
 * Makes sure R2 holds the card (pre-rendering on publish). A card drawn without its photo is not
 * stored: the job is worth retrying later.
 */
export async function storeCard(card: CurrentCard, deps: Pick<CardDeliveryDeps, 'store' | 'render'> & { store: CardObjectStore }): Promise<StoreOutcome> {
  if (await deps.store.has(card.key)) return 'exists';
  const rendered = checkedType(card, await renders.run(card.key, () => deps.render(card)));
  if (rendered.fallback) return 'degraded';
  await deps.store.put(card.key, rendered.bytes, {
    contentType: rendered.contentType, articleId: card.articleId, variant: card.variant, hash: card.hash, template: rendered.template,
  });
  return 'stored';
}
