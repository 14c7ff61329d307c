import type { AppContext } from '../app-context';
import type { Article } from '../domain/article';
import { buildHeadTags, type HeadTag } from '../domain/head-tags';
import { shareImageFor } from '../domain/share-image';

/** Head tags of an article as served from this deployment. */
export function headTagsFor(c: AppContext, article: Article): HeadTag[] {
  const { config, origin } = c.var;
  // Photo cards are JPEG where the Images binding can encode them (see src/render/render-card.ts).
  const image = shareImageFor(article, config, origin, { jpeg: Boolean(c.env.IMAGES) });
  return buildHeadTags({ article, config, origin, image });
}
