import type { AssetReader, CardInput, PhotoSource } from '../domain/card';
import type { SiteConfig } from '../domain/site';
import { renderCard } from './render-card';

/**
 * Warming an isolate up for card renders. The first card an isolate renders pays for what every later
 * one finds ready: the font manifest parsed, the Latin font subsets read and parsed, the logo, the wasm
 * modules instantiated and their functions compiled (V8 compiles wasm lazily with its baseline
 * compiler and optimises hot functions later), and our JavaScript (text fitting, PNG encoding)
 * optimised. A crawler reads an article's page before fetching its og:image, so the first request an
 * isolate serves starts a throw-away render after its response (`waitUntil`), and the card request
 * that follows meets a warm isolate. See docs/performance.md.
 */

let rendered = false;
let warming: Promise<void> | undefined;

/** Called by the renderer after each card: an isolate that has rendered needs no warm-up. */
export function noteCardRendered(): void {
  rendered = true;
}

/** The card drawn to warm up: the text template, Latin text in every style, with the site's logo. */
export function warmUpCard(site: SiteConfig): CardInput {
  return {
    template: 'text',
    variant: 'og',
    lang: 'en',
    headline: 'Warming up: the quick brown fox jumps over the lazy dog, 0123456789',
    description: 'Pack my box with five dozen liquor jugs.',
    label: { text: 'WARM-UP', tone: 'standard' },
    section: 'Presscard',
    byline: 'Presscard',
    date: 'January 1, 2026',
    site: { name: site.siteName, themeColor: site.themeColor, logoPath: site.logoPath },
  };
}

/**
 * Starts the warm-up render once per isolate, unless a card was rendered already; answers the promise
 * to hand to `waitUntil` (undefined when there is nothing to do). A failed warm-up is ignored: the next
 * real render simply pays the cost itself.
 */
export function warmUpOnce(site: SiteConfig, deps: { assets: AssetReader }): Promise<void> | undefined {
  if (rendered || warming) return undefined;
  const photos: PhotoSource = { get: async () => ({ ok: false, reason: 'warm-up' }) };
  warming = renderCard(warmUpCard(site), { assets: deps.assets, photos }).then(
    () => undefined,
    () => undefined,
  );
  return warming;
}
