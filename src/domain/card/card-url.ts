import { shareHeadline, type Article } from '../article';
import { chooseCardTemplate } from './card-input';
import { CARD_CONTENT_TYPES, CARD_VARIANTS, type CardFormat, type CardVariant } from './card-variants';
import type { SiteConfig } from '../site';

/** The image networks show for an article, with what `og:image:*` needs to describe it. */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
  type: 'image/png' | 'image/jpeg';
  alt: string;
}

export interface ShareImageOptions {
  /** True when this deployment can encode JPEG (the Images binding): photo cards are then served as JPEG. */
  jpeg?: boolean;
  /** Cache-busting version of the card (`?v=`), when known. */
  version?: string;
}

/** The URL of an article's card: `/card/<id>/<variant>.<png|jpg>`. */
export function cardUrl(origin: string, id: string, variant: CardVariant, format: CardFormat, version?: string): string {
  const query = version ? `?v=${encodeURIComponent(version)}` : '';
  return `${origin}/card/${encodeURIComponent(id)}/${variant}.${format}${query}`;
}

/**
 * The format a card is served in: photo cards are JPEG where the Images binding can encode it (a photo
 * as PNG would blow the byte budget), everything else PNG.
 */
export function cardFormatFor(article: Article, options: ShareImageOptions = {}): CardFormat {
  return chooseCardTemplate(article) === 'photo' && options.jpeg ? 'jpg' : 'png';
}

function cardImageFor(article: Article, config: SiteConfig, origin: string, variant: CardVariant, options: ShareImageOptions): ShareImage {
  const format = cardFormatFor(article, options);
  const { width, height } = CARD_VARIANTS[variant];
  return {
    url: cardUrl(origin, article.id, variant, format, options.version),
    width,
    height,
    type: CARD_CONTENT_TYPES[format],
    // og:image:alt describes the image itself (ogp.me): the card shows the headline and the masthead,
    // unless the newsroom wrote a better description.
    alt: article.socialImageAlt ?? `${shareHeadline(article)} — ${config.siteName}`,
  };
}

/**
 * The image for og:image and twitter:image: the article's 1200x630 share card, rendered by this service
 * (GET /card/:id/og.png). `origin` makes it absolute (og:image must be an absolute URL, ogp.me).
 */
export function shareImageFor(article: Article, config: SiteConfig, origin: string, options: ShareImageOptions = {}): ShareImage {
  return cardImageFor(article, config, origin, 'og', options);
}

/** The 1200x1200 card, for oEmbed thumbnails and networks that crop to a square. */
export function squareCardImageFor(article: Article, config: SiteConfig, origin: string, options: ShareImageOptions = {}): ShareImage {
  return cardImageFor(article, config, origin, 'square', options);
}
