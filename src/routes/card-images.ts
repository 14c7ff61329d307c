import type { AppContext } from '../app-context';
import type { Article } from '../domain/article/article';
import { shareImageFor, squareCardImageFor, type ShareImage } from '../domain/card/card-url';
import { currentCardFor } from './cards';

/** The share cards of an article as this deployment serves them. */
export interface CardImages {
  /** 1200x630: og:image, twitter:image, Pinterest, the embed card of an article without a photo. */
  og: ShareImage;
  /** 1200x1200: oEmbed thumbnails and JSON-LD's square image. */
  square: ShareImage;
}

/**
 * The one place that names an article's card URLs for metadata, oEmbed, embeds and share links:
 * always at the current content hash (`?v=`), so an edited headline gives networks a new URL. Photo
 * cards are JPEG where the Images binding can encode them.
 */
export async function cardImagesFor(c: AppContext, article: Article): Promise<CardImages> {
  const { config, origin } = c.var;
  const jpeg = Boolean(c.env.IMAGES);
  const [og, square] = await Promise.all([currentCardFor(c, article, 'og'), currentCardFor(c, article, 'square')]);
  return {
    og: shareImageFor(article, config, origin, { jpeg, version: og.hash }),
    square: squareCardImageFor(article, config, origin, { jpeg, version: square.hash }),
  };
}
