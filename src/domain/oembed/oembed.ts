import { z } from 'zod';
import { type Article, shareHeadline } from '../article';
import { chooseEmbedLayout, EMBED_THEMES, EMBED_WIDTH, embedHeight, type EmbedLayout, embedModel, type EmbedText, type EmbedTheme } from '../embed';
import type { ShareImage } from '../card';
import { normaliseArticleUrl, type SiteConfig } from '../site';

// oEmbed 1.0 (oembed.com). Section numbers below refer to that page.

export const OEMBED_FORMATS = ['json', 'xml'] as const;
export type OembedFormat = (typeof OEMBED_FORMATS)[number];

/** How long a consumer may keep an answer (§2.3.4 `cache_age`). The card itself is fetched live by the iframe. */
export const OEMBED_CACHE_AGE = 86_400;

/** WordPress strips everything else; this list is what the iframe asks for when the consumer keeps it. */
export const EMBED_SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';

export interface OembedRequest {
  url: string;
  format: OembedFormat;
  maxwidth?: number;
  maxheight?: number;
  /** Provider extension: force the card's light or dark theme (default: the reader's preference). */
  theme?: EmbedTheme;
}

export type OembedRequestResult =
  | { ok: true; request: OembedRequest }
  | { ok: false; status: 400 | 501; detail: string };

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const dimension = z.preprocess(
  blankToUndefined,
  z.string().regex(/^\d{1,6}$/, 'must be a positive whole number of pixels').transform(Number)
    .refine((n) => n > 0, 'must be a positive whole number of pixels').optional(),
);
const querySchema = z.object({
  url: z.string({ error: 'is required: the URL of the article to embed' }).trim()
    .min(1, 'is required: the URL of the article to embed')
    .refine((u) => URL.canParse(u), 'is not an absolute URL'),
  maxwidth: dimension,
  maxheight: dimension,
  theme: z.preprocess(blankToUndefined, z.enum(EMBED_THEMES, { error: 'must be light or dark' }).optional()),
});

/**
 * Reads the query of `/oembed` (§2.2). `pathFormat` is the format named by the path (`/oembed.json`,
 * `/oembed.xml`). Unknown parameters are ignored (WordPress sends `dnt=1`); an unsupported format is a
 * 501 (§2.3.5); every other mistake a 400 naming the parameter.
 */
export function parseOembedRequest(query: Record<string, string | undefined>, pathFormat?: OembedFormat): OembedRequestResult {
  const raw = query.format?.trim().toLowerCase() || undefined;
  if (raw !== undefined && !(OEMBED_FORMATS as readonly string[]).includes(raw)) {
    return { ok: false, status: 501, detail: `The format ${JSON.stringify(query.format)} is not supported; use json or xml.` };
  }
  const asked = raw as OembedFormat | undefined;
  if (pathFormat && asked && asked !== pathFormat) {
    return { ok: false, status: 400, detail: `The path asks for ${pathFormat} but the format parameter for ${asked}.` };
  }
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    return { ok: false, status: 400, detail: detail + '.' };
  }
  const { url, maxwidth, maxheight, theme } = parsed.data;
  return { ok: true, request: { url, format: pathFormat ?? asked ?? 'json', maxwidth, maxheight, theme } };
}

export type OembedTarget = { kind: 'own'; id: string } | { kind: 'canonical'; url: string } | { kind: 'foreign' };

/**
 * What a `url` parameter names, without fetching it: this service's own article page (`/a/:id` on
 * `origin`, over http or https), a canonical article URL of the site (normalised: https, no query,
 * fragment or trailing slash), or something else, which is not ours to embed.
 */
export function oembedTarget(url: string, origin: string, matchesCanonical: (url: string) => boolean): OembedTarget {
  const normalised = normaliseArticleUrl(url);
  if (!normalised) return { kind: 'foreign' };
  const own = new URL(origin);
  const u = new URL(normalised);
  if (u.host === own.host) {
    const match = /^\/a\/([^/]+)$/.exec(u.pathname);
    if (match) {
      // A malformed escape (`/a/%FF` is not UTF-8) names no article: never an exception.
      const id = decodeComponent(match[1]!);
      return id === undefined ? { kind: 'foreign' } : { kind: 'own', id };
    }
  }
  return matchesCanonical(normalised) ? { kind: 'canonical', url: normalised } : { kind: 'foreign' };
}

function decodeComponent(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

export interface EmbedFrame {
  width: number;
  height: number;
  layout: EmbedLayout;
}

/**
 * Size of the iframe (§2.3.4 rich: width and height, within maxwidth and maxheight). Width 600 unless
 * the consumer gives maxwidth, never wider than 800 nor than maxwidth, even below the card's 150 px
 * minimum: the spec's bound wins. Height is the card's at that width, in the richest layout that fits.
 */
export function embedFrame(text: EmbedText, maxwidth?: number, maxheight?: number): EmbedFrame {
  const width = maxwidth === undefined ? EMBED_WIDTH.default : Math.min(maxwidth, EMBED_WIDTH.max);
  const layout = chooseEmbedLayout(text, width, maxheight);
  const height = embedHeight(text, width, layout);
  return { width, height: maxheight === undefined ? height : Math.min(height, maxheight), layout };
}

export interface OembedThumbnail {
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

/**
 * The thumbnail triple (§2.3.4: all three or none, within maxwidth and maxheight): the image scaled
 * down, never up, to fit the bounds. Every thumbnail the provider announces comes through here.
 */
export function oembedThumbnail(image: ShareImage, bounds: { maxwidth?: number; maxheight?: number }): OembedThumbnail {
  const scale = Math.min(1, (bounds.maxwidth ?? Infinity) / image.width, (bounds.maxheight ?? Infinity) / image.height);
  const fit = (n: number, max = Infinity) => Math.max(1, Math.min(max, Math.round(n * scale)));
  return {
    thumbnail_url: image.url,
    thumbnail_width: fit(image.width, bounds.maxwidth),
    thumbnail_height: fit(image.height, bounds.maxheight),
  };
}

/** A `rich` response (§2.3.4), keys in the order both serialisations write them. */
export interface OembedResponse extends Partial<OembedThumbnail> {
  type: 'rich';
  version: '1.0';
  title: string;
  author_name?: string;
  author_url?: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** URL of the embed page for a layout and theme; the defaults stay out of the URL. */
export function embedPageUrl(origin: string, id: string, layout: EmbedLayout, theme?: EmbedTheme): string {
  const q = new URLSearchParams();
  if (layout !== 'full') q.set('layout', layout);
  if (theme) q.set('theme', theme);
  const qs = q.toString();
  return `${origin}/embed/${encodeURIComponent(id)}${qs ? `?${qs}` : ''}`;
}

export interface EmbedHtmlInput {
  url: string;
  title: string;
  siteName: string;
  src: string;
  width: number;
  height: number;
  origin: string;
}

/**
 * The `html` of the answer: a blockquote linking to the article, then the iframe, then the host
 * script. WordPress keeps only `a[href]`, `blockquote` and the iframe's src, width, height,
 * frameborder, marginwidth, marginheight, scrolling and title; it needs the blockquote first and the
 * iframe empty (`<iframe ...></iframe>`), shows the blockquote until the card posts its height, and
 * adds its own sandbox. Other consumers keep our sandbox, and `/embed.js` does what wp-embed.js does.
 */
export function embedHtml({ url, title, siteName, src, width, height, origin }: EmbedHtmlInput): string {
  return (
    `<blockquote class="presscard-embed"><a href="${escapeHtml(url)}">${escapeHtml(title)}</a> \u2014 ${escapeHtml(siteName)}</blockquote>` +
    `<iframe class="presscard-embed" src="${escapeHtml(src)}" width="${width}" height="${height}"` +
    ` title="${escapeHtml(`${title} \u2014 ${siteName}`)}" frameborder="0" marginwidth="0" marginheight="0"` +
    ` scrolling="no" sandbox="${EMBED_SANDBOX}"></iframe>` +
    `<script async src="${escapeHtml(origin)}/embed.js"></script>`
  );
}

export interface OembedInput {
  article: Article;
  config: SiteConfig;
  origin: string;
  request: Pick<OembedRequest, 'maxwidth' | 'maxheight' | 'theme'>;
  /** The image to announce as the thumbnail: the square share card (see oembedThumbnail). */
  thumbnail: ShareImage;
  /** The 1200x630 share card: the embed card's picture when the article has no usable photo. */
  shareCard: ShareImage;
}

/** The provider's answer for one published article. */
export function buildOembed({ article, config, origin, request, thumbnail, shareCard }: OembedInput): OembedResponse {
  const card = embedModel(article, config, origin, shareCard);
  const frame = embedFrame(card, request.maxwidth, request.maxheight);
  const title = shareHeadline(article);
  const authorUrl = article.authors.find((a) => a.url)?.url;
  return {
    type: 'rich',
    version: '1.0',
    title,
    ...(card.byline ? { author_name: card.byline } : {}),
    ...(authorUrl ? { author_url: authorUrl } : {}),
    provider_name: config.siteName,
    provider_url: config.siteUrl,
    cache_age: OEMBED_CACHE_AGE,
    ...oembedThumbnail(thumbnail, request),
    html: embedHtml({
      url: article.url,
      title,
      siteName: config.siteName,
      src: embedPageUrl(origin, article.id, frame.layout, request.theme),
      width: frame.width,
      height: frame.height,
      origin,
    }),
    width: frame.width,
    height: frame.height,
  };
}
