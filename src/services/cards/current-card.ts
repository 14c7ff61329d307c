import type { Article } from '../../domain/article';
import { buildCardInput, cardFormatFor, cardHash, cardObjectKey, cardUrl, type AssetReader, type CardFormat, type CardInput, type CardVariant } from '../../domain/card';
import type { SiteConfig } from '../../domain/site';
import { loadFontManifest } from '../../render/fonts';
import { CARD_TEMPLATE_MODULES } from '../../../templates/cards';

/** An article's card as it is now: what to render, its content hash, URL and storage key. */
export interface CurrentCard {
  articleId: string;
  variant: CardVariant;
  format: CardFormat;
  hash: string;
  input: CardInput;
  /** Absolute URL with `?v=<hash>`: what metadata names and what the Cache API is keyed by. */
  url: string;
  /** R2 key. */
  key: string;
}

export interface CardVersionContext {
  config: SiteConfig;
  origin: string;
  assets: AssetReader;
  /** True when the Images binding can encode JPEG: photo cards are then JPEG. */
  jpeg: boolean;
}

/** The current card of an article in one variant. Reads the font manifest (cached per isolate). */
export async function currentCard(article: Article, variant: CardVariant, ctx: CardVersionContext): Promise<CurrentCard> {
  const input = buildCardInput(article, ctx.config, variant);
  const format = cardFormatFor(article, { jpeg: ctx.jpeg });
  const manifest = await loadFontManifest(ctx.assets);
  const hash = await cardHash({ input, templateVersion: CARD_TEMPLATE_MODULES[input.template].version, fontSet: manifest.version, format });
  return {
    articleId: article.id,
    variant,
    format,
    hash,
    input,
    url: cardUrl(ctx.origin, article.id, variant, format, hash),
    key: cardObjectKey(article.id, variant, hash, format),
  };
}
