import { shareDescription, shareHeadline, type Article } from '../article';
import { toWellFormed } from '../normalise';
import { NETWORK_LABELS, shareLanguage } from './share-labels';
import { shareImageFor } from '../card';
import {
  blueskyLength, codePointLength, fitShareText, graphemeMeasure, hashtagFor, shareableText, X_MAX_WEIGHT, X_URL_WEIGHT, xPostWeight, xWeightedLength,
} from './share-text';
import type { ShareNetworkId, SiteConfig } from '../site';

export interface ShareLink {
  network: ShareNetworkId;
  /** Accessible name of the button, in the article's language (English or Japanese). */
  label: string;
  /** Short name shown on the button. */
  name: string;
  /** Where the reader goes: the network's composer, prefilled (see docs/platforms.md). */
  url: string;
}

export interface ShareLinkOptions {
  /** Absolute origin of this service: for the share image and the Mastodon server picker. */
  origin: string;
  /** The article's share image (Pinterest's `media`); the og card of shareImageFor when absent. */
  image?: string;
}

/** `utm_source` of links shared with the device's own share sheet (Web Share API). */
export const NATIVE_SHARE_SOURCE = 'native';

// Limits of what each composer accepts, in its own units (docs/platforms.md). Only X's URL weight (23,
// twitter-text) is relied on; elsewhere the full URL is counted, never less than the network counts.
export const SHARE_LIMITS = {
  /** Bluesky post text: 300 graphemes and 3000 UTF-8 bytes, URL included (app.bsky.feed.post). */
  bluesky: 300,
  /** Mastodon's default status length, counted in code points. */
  mastodon: 500,
  /** Threads post length. */
  threads: 500,
  /** Reddit post title. */
  reddit: 300,
  /** Pinterest pin description. */
  pinterest: 500,
  /** How many tags become X hashtags: more reads as spam and eats the headline's room. */
  xHashtags: 2,
} as const;

/**
 * The canonical URL tagged for analytics: `utm_source=<source>`, `utm_medium=social` and
 * `utm_campaign` from the configuration (omitted when empty). An existing query is kept as it is,
 * minus any utm_* value this replaces; a fragment stays last.
 */
export function taggedUrl(canonical: string, source: string, campaign: string): string {
  const hashAt = canonical.indexOf('#');
  const hash = hashAt >= 0 ? canonical.slice(hashAt) : '';
  const beforeHash = hashAt >= 0 ? canonical.slice(0, hashAt) : canonical;
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const ours = { utm_source: source, utm_medium: 'social', utm_campaign: campaign };
  const kept = (queryAt >= 0 ? beforeHash.slice(queryAt + 1) : '')
    .split('&')
    .filter((pair) => pair !== '' && !Object.hasOwn(ours, decodeKey(pair)));
  const added = Object.entries(ours)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${encodeValue(v)}`);
  return `${base}?${[...kept, ...added].join('&')}${hash}`;
}

function decodeKey(pair: string): string {
  const key = pair.split('=')[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/**
 * Percent-encodes everything but RFC 3986 unreserved characters. encodeURIComponent leaves !'()*
 * alone; browsers then encode `'` in a query themselves, so the URL a reader reaches would differ
 * from the one built here.
 */
function encodeValue(value: string): string {
  // A lone surrogate has no UTF-8 form and makes encodeURIComponent throw: it becomes U+FFFD.
  return encodeURIComponent(toWellFormed(value)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A query string with every value percent-encoded (spaces as %20, as mailto: requires). */
function query(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeValue(v)}`)
    .join('&');
}

/**
 * The post X's composer makes of an intent: text, URL, hashtags, then "via @handle" (developer.x.com,
 * Web Intents). Its validity is what X decides, so this string is what gets counted.
 */
export function xIntentPost(text: string, url: string, hashtags: readonly string[], via?: string): string {
  return [text, url, ...hashtags.map((h) => `#${h}`), ...(via ? [`via @${via}`] : [])].filter(Boolean).join(' ');
}

/** The X intent's text, hashtags and via: the composed post valid by twitter-text (280, URLs as 23). */
function xIntent(article: Article, config: SiteConfig, url: string): string {
  const via = config.xHandle?.replace(/^@/, '');
  let hashtags = [...new Set(article.tags.map(hashtagFor).filter((h): h is string => !!h))].slice(0, SHARE_LIMITS.xHashtags);
  // Hashtags never crowd out the headline: keep only those that leave it half the post.
  // (Every code point weighs at most 2: short hashtags need no parse.)
  const atMost = (tags: string[]) => 1 + X_URL_WEIGHT + 2 * [...xIntentPost('', '', tags, via)].length;
  while (hashtags.length > 0 && atMost(hashtags) > X_MAX_WEIGHT / 2 && xWeightedLength(xIntentPost('', url, hashtags, via)) > X_MAX_WEIGHT / 2) {
    hashtags = hashtags.slice(0, -1);
  }
  // The headline is measured inside the whole post: twitter-text counts a bare domain in it ("Bsky.app")
  // as a 23-character link, which no per-part sum sees.
  const headline = shareableText(shareHeadline(article));
  const text = fitShareText(headline, X_MAX_WEIGHT, (t) => xPostWeight(xIntentPost(t, url, hashtags, via)), article.lang);
  return `https://twitter.com/intent/tweet?${query({ text, url, hashtags: hashtags.join(',') || undefined, via })}`;
}

/** "headline url" within a composer's limit, the whole text measured as the network counts it. */
function headlineAndUrl(article: Article, url: string, limit: number, measure: (s: string) => number): string {
  const compose = (headline: string) => (headline ? `${headline} ${url}` : url);
  return compose(fitShareText(shareableText(shareHeadline(article)), limit, (h) => measure(compose(h)), article.lang));
}

/** The Mastodon composer on the reader's server (validate `host` with parseMastodonInstance first). */
export function mastodonShareUrl(article: Article, config: SiteConfig, host: string): string {
  const url = taggedUrl(article.url, 'mastodon', config.utmCampaign);
  const text = headlineAndUrl(article, url, SHARE_LIMITS.mastodon, codePointLength);
  return `https://${host}/share?${query({ text })}`;
}

/** Path on this service of the counted redirect for a network: `/s/<network>/<article id>`. */
export function shareRedirectPath(network: ShareNetworkId, articleId: string): string {
  return `/s/${network}/${encodeURIComponent(articleId)}`;
}

/**
 * The share URL of one network for an article. Mastodon has no single composer: its URL is this
 * service's page that asks the reader for their server.
 */
export function shareLinkFor(network: ShareNetworkId, article: Article, config: SiteConfig, options: ShareLinkOptions): ShareLink {
  const url = taggedUrl(article.url, network, config.utmCampaign);
  const headline = shareHeadline(article);
  const lang = article.lang;
  let target: string;
  switch (network) {
    case 'x':
      target = xIntent(article, config, url);
      break;
    case 'facebook':
      target = `https://www.facebook.com/sharer/sharer.php?${query({ u: url })}`;
      break;
    case 'linkedin':
      target = `https://www.linkedin.com/sharing/share-offsite/?${query({ url })}`;
      break;
    case 'line':
      target = `https://social-plugins.line.me/lineit/share?${query({ url, text: headline })}`;
      break;
    case 'hatena':
      target = `https://b.hatena.ne.jp/add?${query({ mode: 'confirm', url, title: headline })}`;
      break;
    case 'reddit':
      target = `https://www.reddit.com/submit?${query({ url, title: fitShareText(headline, SHARE_LIMITS.reddit, graphemeMeasure, lang) })}`;
      break;
    case 'bluesky':
      target = `https://bsky.app/intent/compose?${query({ text: headlineAndUrl(article, url, SHARE_LIMITS.bluesky, blueskyLength) })}`;
      break;
    case 'mastodon':
      target = options.origin + shareRedirectPath('mastodon', article.id);
      break;
    case 'threads': {
      const text = fitShareText(headline, SHARE_LIMITS.threads - codePointLength(url) - 1, codePointLength, lang);
      target = `https://www.threads.com/intent/post?${query({ text, url })}`;
      break;
    }
    case 'whatsapp':
      // wa.me takes one text; the link preview comes from the URL in it.
      target = `https://wa.me/?${query({ text: `${headline}\n${url}` })}`;
      break;
    case 'telegram':
      target = `https://t.me/share/url?${query({ url, text: headline })}`;
      break;
    case 'pinterest': {
      const media = options.image ?? shareImageFor(article, config, options.origin).url;
      target = `https://www.pinterest.com/pin/create/button/?${query({ url, media, description: fitShareText(headline, SHARE_LIMITS.pinterest, graphemeMeasure, lang) })}`;
      break;
    }
    case 'email':
      // RFC 6068: line breaks in a mailto body are %0D%0A, spaces %20 (never +).
      target = `mailto:?${query({ subject: headline, body: `${shareDescription(article)}\r\n\r\n${url}` })}`;
      break;
    case 'copy':
      target = url;
      break;
  }
  return { network, ...NETWORK_LABELS[shareLanguage(lang)][network], url: target };
}

/** Share links of every network the configuration enables, in its order (the order of the buttons). */
export function buildShareLinks(article: Article, config: SiteConfig, options: ShareLinkOptions): ShareLink[] {
  return config.shareNetworks.map((network) => shareLinkFor(network, article, config, options));
}
