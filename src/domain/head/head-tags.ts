import { type Article, byline, formatArticleDate, ogLocale, shareDescription, shareHeadline } from '../article';
import type { ShareImage } from '../card';
import type { SiteConfig } from '../site';
import { toWellFormed } from '../normalise';
import { truncateText } from '../typography';

/** One element of an article page's `<head>`, in the order it is written. */
export type HeadTag =
  | { tag: 'title'; text: string }
  | { tag: 'meta'; name: string; content: string }
  | { tag: 'meta'; property: string; content: string }
  | { tag: 'link'; rel: string; href: string; type?: string; title?: string }
  | { tag: 'script'; type: 'application/ld+json'; json: Record<string, unknown> };

export interface HeadTagInput {
  article: Article;
  config: SiteConfig;
  /** Absolute origin of this service, for oEmbed discovery and images it serves. */
  origin: string;
  image: ShareImage;
  /** Extra images for JSON-LD (Google asks for 16:9, 4:3 and 1:1 crops). */
  structuredDataImages?: string[];
}

// Lengths: og:description is cut around 300 by Facebook and 200 by X; twitter:image:alt max 420
// (developer.x.com "Summary card with large image"); we keep full values up to these limits.
export const TAG_LIMITS = { description: 300, twitterDescription: 200, alt: 420, title: 200 } as const;

/** The oEmbed endpoint URL for discovery (oembed.com §4: only `url` and `format` in the href). */
export function oembedDiscoveryUrl(origin: string, canonicalUrl: string, format: 'json' | 'xml'): string {
  return `${origin}/oembed?url=${encodeURIComponent(toWellFormed(canonicalUrl))}&format=${format}`;
}

/**
 * Every tag an article page needs for every network (see docs/platforms.md): Open Graph with
 * `article:*`, Twitter Card, JSON-LD NewsArticle, oEmbed discovery, robots, fediverse and theme colour.
 */
export function buildHeadTags({ article, config, origin, image, structuredDataImages }: HeadTagInput): HeadTag[] {
  const title = truncateText(shareHeadline(article), TAG_LIMITS.title, article.lang);
  const description = truncateText(shareDescription(article), TAG_LIMITS.description, article.lang);
  const modified = article.modifiedAt ?? article.publishedAt;
  const locale = ogLocale(article.lang);
  const alt = truncateText(image.alt, TAG_LIMITS.alt, article.lang);
  const meta = (name: string, content: string | undefined): HeadTag[] => (content ? [{ tag: 'meta', name, content }] : []);
  const prop = (property: string, content: string | undefined): HeadTag[] =>
    content ? [{ tag: 'meta', property, content }] : [];
  const authorLine = byline(article);
  const creator = article.authors.find((a) => a.x)?.x;

  const tags: HeadTag[] = [
    { tag: 'title', text: `${title} | ${config.siteName}` },
    ...meta('description', description),
    { tag: 'link', rel: 'canonical', href: article.url },
    ...meta('robots', 'max-image-preview:large'),
    ...meta('theme-color', config.themeColor),

    // Open Graph (ogp.me): basic, optional and the article vertical.
    ...prop('og:type', 'article'),
    ...prop('og:site_name', config.siteName),
    ...prop('og:title', title),
    ...prop('og:description', description),
    ...prop('og:url', article.url),
    ...prop('og:locale', locale),
    ...(config.defaultLocale !== locale ? prop('og:locale:alternate', config.defaultLocale) : []),
    ...prop('og:image', image.url),
    ...prop('og:image:secure_url', image.url.startsWith('https:') ? image.url : undefined),
    ...prop('og:image:type', image.type),
    ...prop('og:image:width', String(image.width)),
    ...prop('og:image:height', String(image.height)),
    ...prop('og:image:alt', alt),
    ...prop('article:published_time', article.publishedAt),
    ...prop('article:modified_time', modified),
    ...article.authors.flatMap((a) => prop('article:author', a.url ?? a.name)),
    ...prop('article:section', article.section),
    ...article.tags.flatMap((t) => prop('article:tag', t)),

    // Twitter Card: X falls back to og:* for title, description and image, but not for these.
    ...meta('twitter:card', 'summary_large_image'),
    ...meta('twitter:site', config.xHandle),
    ...meta('twitter:creator', creator),
    ...meta('twitter:title', title),
    ...meta('twitter:description', truncateText(description, TAG_LIMITS.twitterDescription, article.lang)),
    ...meta('twitter:image', image.url),
    ...meta('twitter:image:alt', alt),
    // Slack shows label/data pairs under the unfurl.
    ...(authorLine ? [...meta('twitter:label1', 'Written by'), ...meta('twitter:data1', authorLine)] : []),
    ...meta('twitter:label2', 'Published'),
    ...meta('twitter:data2', formatArticleDate(article.publishedAt, article.lang, config.timeZone)),

    // Mastodon 4.3+: author attribution on link previews.
    ...article.authors.flatMap((a) => meta('fediverse:creator', a.fediverse)),

    // Discovery: Discord and WordPress read these elements, not a Link header.
    {
      tag: 'link', rel: 'alternate', type: 'application/json+oembed',
      href: oembedDiscoveryUrl(origin, article.url, 'json'), title,
    },
    {
      tag: 'link', rel: 'alternate', type: 'text/xml+oembed',
      href: oembedDiscoveryUrl(origin, article.url, 'xml'), title,
    },
    { tag: 'script', type: 'application/ld+json', json: buildNewsArticleLd(article, config, origin, image, title, description, structuredDataImages) },
  ];
  return tags;
}

/** schema.org NewsArticle as Google documents it (developers.google.com "Article structured data"). */
export function buildNewsArticleLd(
  article: Article,
  config: SiteConfig,
  origin: string,
  image: ShareImage,
  headline: string,
  description: string,
  images?: string[],
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    url: article.url,
    // Mastodon prefers JSON-LD over OG: keep headline and description identical to og:*.
    headline,
    description,
    inLanguage: article.lang,
    image: images && images.length > 0 ? images : [image.url],
    datePublished: article.publishedAt,
    dateModified: article.modifiedAt ?? article.publishedAt,
    articleSection: article.section,
    ...(article.tags.length ? { keywords: article.tags } : {}),
    ...(article.dateline ? { dateline: article.dateline } : {}),
    ...(article.credit ? { creditText: article.credit } : {}),
    author: article.authors.length
      ? article.authors.map((a) => ({ '@type': 'Person', name: a.name, ...(a.url ? { url: a.url } : {}) }))
      : [{ '@type': 'Organization', name: config.siteName, url: config.siteUrl }],
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: config.siteName,
      url: config.siteUrl,
      logo: { '@type': 'ImageObject', url: origin + config.logoPath },
    },
  };
}

/** JSON for a `<script>` element: `<`, `>`, `&` and line separators escaped so no text can close it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
