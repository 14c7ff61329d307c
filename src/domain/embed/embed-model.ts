import { type Article, byline, formatArticleDate, shareDescription, shareHeadline, textDirection } from '../article';
import type { EmbedText } from './embed-layout';
import type { ShareImage } from '../card';
import type { SiteConfig } from '../site';

export const EMBED_THEMES = ['light', 'dark'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

export interface EmbedPhoto extends ShareImage {
  /** Where the subject is (fractions of width and height); the 16:9 crop keeps it in frame. */
  focalPoint?: { x: number; y: number };
}

/** Everything the embed card shows, as plain values (templates/pages/embed-card.tsx renders it). */
export interface EmbedModel extends EmbedText {
  id: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The article's canonical URL: where the card's link goes. */
  url: string;
  /**
   * The same article through this service's host. WordPress follows an embed's `link` message only to
   * the iframe's own host (wp-embed.js), so clicks inside WordPress's sandbox go here and redirect.
   */
  openUrl: string;
  siteName: string;
  logoUrl: string;
  themeColor: string;
  photo: EmbedPhoto;
  label?: string;
  section: string;
  date: string;
  dateTime: string;
}

/** Hosts an embed page may load images from: this service and the configured image hosts. */
export function isEmbeddableImage(url: string, origin: string, imageHosts: readonly string[]): boolean {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
    return u.origin === origin || imageHosts.includes(u.host.toLowerCase());
  } catch {
    return false;
  }
}

/**
 * The card's picture: the article's photo when it is served from a host the embed page may load from
 * (the card runs in an opaque origin and makes no third-party requests), else the article's share
 * card, which this service serves.
 */
export function embedPhoto(article: Article, config: SiteConfig, origin: string, shareCard: ShareImage): EmbedPhoto {
  const photo = article.image;
  if (photo && isEmbeddableImage(photo.url, origin, config.imageHosts)) {
    return {
      url: photo.url,
      width: photo.width,
      height: photo.height,
      type: /\.png(\?|$)/i.test(photo.url) ? 'image/png' : 'image/jpeg',
      alt: photo.alt,
      ...(photo.focalPoint ? { focalPoint: photo.focalPoint } : {}),
    };
  }
  return shareCard;
}

export function embedModel(article: Article, config: SiteConfig, origin: string, shareCard: ShareImage): EmbedModel {
  return {
    id: article.id,
    lang: article.lang,
    dir: textDirection(article.lang),
    url: article.url,
    openUrl: `${origin}/embed/${article.id}/open`,
    siteName: config.siteName,
    logoUrl: origin + config.logoPath,
    themeColor: config.themeColor,
    photo: embedPhoto(article, config, origin, shareCard),
    label: article.label,
    section: article.section,
    headline: shareHeadline(article),
    description: shareDescription(article),
    byline: byline(article),
    date: formatArticleDate(article.publishedAt, article.lang, config.timeZone),
    dateTime: article.publishedAt,
  };
}
