import type { Article } from './article';
import type { SiteConfig } from './site-config';

/** The image networks show for an article, with what `og:image:*` needs to describe it. */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
  type: 'image/png' | 'image/jpeg';
  alt: string;
}

function typeFromUrl(url: string): ShareImage['type'] {
  return /\.png(\?|#|$)/i.test(url) ? 'image/png' : 'image/jpeg';
}

/**
 * The article's photo when it has one, else the site's default image; `origin` makes the default
 * absolute (og:image must be an absolute URL, ogp.me "og:image").
 */
export function shareImageFor(article: Article, config: SiteConfig, origin: string): ShareImage {
  if (article.image) {
    const { url, width, height, alt } = article.image;
    return { url, width, height, type: typeFromUrl(url), alt };
  }
  const d = config.defaultImage;
  return { url: origin + d.path, width: d.width, height: d.height, type: typeFromUrl(d.path), alt: d.alt };
}
