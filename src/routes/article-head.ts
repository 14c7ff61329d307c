import type { AppContext } from '../app-context';
import type { Article } from '../domain/article/article';
import { buildHeadTags, type HeadTag } from '../domain/head/head-tags';
import { cardImagesFor, type CardImages } from './card-images';

/** Head tags of an article as served from this deployment. */
export async function headTagsFor(c: AppContext, article: Article, known?: CardImages): Promise<HeadTag[]> {
  const { config, origin } = c.var;
  const cards = known ?? (await cardImagesFor(c, article));
  // JSON-LD asks for several aspect ratios (Google: 16:9, 4:3, 1:1): the og and square cards.
  return buildHeadTags({ article, config, origin, image: cards.og, structuredDataImages: [cards.og.url, cards.square.url] });
}
