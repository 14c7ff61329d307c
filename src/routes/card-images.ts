import type { AppContext } from '../app-context';
import type { Article } from '../domain/article';
import { shareImageFor, squareCardImageFor, type ShareImage } from '../domain/share-image';

/** The share cards of an article as this deployment serves them. */
export interface CardImages {
  /** 1200x630: og:image, twitter:image, Pinterest, the embed card of an article without a photo. */
  og: ShareImage;
  /** 1200x1200: oEmbed thumbnails and JSON-LD's square image. */
  square: ShareImage;
}

/**
 * The one place that names an article's card URLs for metadata, oEmbed and share links. Photo cards
 * are JPEG where the Images binding can encode them (src/render/render-card.ts).
 */
export function cardImagesFor(c: AppContext, article: Article): CardImages {
  const { config, origin } = c.var;
  const options = { jpeg: Boolean(c.env.IMAGES) };
  return {
    og: shareImageFor(article, config, origin, options),
    square: squareCardImageFor(article, config, origin, options),
  };
}
