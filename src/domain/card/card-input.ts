import { type Article, byline, formatArticleDate, shareDescription, shareHeadline } from '../article';
import type { CardTemplate, CardVariant } from './card-variants';
import type { SiteConfig } from '../site';

/** How a label is coloured: urgent news, opinion, or anything else. */
export type LabelTone = 'alert' | 'opinion' | 'standard';

const LABEL_TONES: Record<string, LabelTone> = {
  BREAKING: 'alert', LIVE: 'alert', URGENT: 'alert', DEVELOPING: 'alert', 'JUST IN': 'alert', 速報: 'alert',
  OPINION: 'opinion', EDITORIAL: 'opinion', ANALYSIS: 'opinion', COMMENTARY: 'opinion', COLUMN: 'opinion', 社説: 'opinion',
};

export function labelTone(label: string): LabelTone {
  return LABEL_TONES[label] ?? 'standard';
}

/**
 * Everything a card template reads, and nothing else: the pixels of a card are a function of this
 * object, the template and the font set, so it is also what a card's cache key is computed from.
 * Templates get it (plus the fetched photo) as plain data.
 */
export interface CardInput {
  template: CardTemplate;
  variant: CardVariant;
  /** BCP 47 language of the text: picks the CJK face (Han glyphs differ between ja, zh-Hans, zh-Hant). */
  lang: string;
  /** The social headline when the newsroom set one (it replaces the headline on cards and og:title). */
  headline: string;
  description: string;
  label?: { text: string; tone: LabelTone };
  section: string;
  byline?: string;
  /** Publication date as readers of the article's language write it. */
  date: string;
  site: { name: string; themeColor: string; logoPath: string };
  /** Only on photo cards. */
  photo?: { url: string; width: number; height: number; focalPoint: { x: number; y: number }; credit?: string };
}

/** The template an article gets when nothing overrides it: its own choice, else photo when it has one. */
export function chooseCardTemplate(article: Article): CardTemplate {
  if (article.cardTemplate === 'text' || !article.image) return 'text';
  return 'photo';
}

/**
 * The card input of an article. `template` overrides the article's choice (previews, golden tests); a
 * photo template for an article without a photo becomes a text card.
 */
export function buildCardInput(
  article: Article,
  config: SiteConfig,
  variant: CardVariant,
  template: CardTemplate = chooseCardTemplate(article),
): CardInput {
  const image = template === 'photo' ? article.image : undefined;
  const by = byline(article);
  // NFC whatever was stored: a decomposed "ễ" must draw, and hash, as the composed one (UAX #15).
  const nfc = (s: string) => s.normalize('NFC');
  return {
    template: image ? 'photo' : 'text',
    variant,
    lang: article.lang,
    headline: nfc(shareHeadline(article)),
    description: nfc(shareDescription(article)),
    ...(article.label ? { label: { text: nfc(article.label), tone: labelTone(nfc(article.label)) } } : {}),
    section: nfc(article.section),
    ...(by ? { byline: nfc(by) } : {}),
    date: formatArticleDate(article.publishedAt, article.lang, config.timeZone),
    site: { name: config.siteName, themeColor: config.themeColor, logoPath: config.logoPath },
    ...(image
      ? {
          photo: {
            url: image.url,
            width: image.width,
            height: image.height,
            focalPoint: image.focalPoint ?? { x: 0.5, y: 0.5 },
            ...(image.credit ? { credit: nfc(image.credit) } : {}),
          },
        }
      : {}),
  };
}

/** The same card drawn without its photo: what a card falls back to when the photo cannot be used. */
export function withoutPhoto(input: CardInput): CardInput {
  const { photo: _photo, ...rest } = input;
  return { ...rest, template: 'text' };
}
