import type { TextRole } from './font-plan';

/** A text style of the card templates: which faces set it (its role) and at what weight. */
export interface TextStyleSpec {
  /** `headline`: the serif faces (CJK faces first for CJK articles); `text`: the sans faces. */
  role: TextRole;
  /** CSS font-weight; the build copies exactly these weights of each face. */
  weight: 400 | 700;
  /** The Latin face first whatever the card's language (the site name is a logotype). */
  latinFirst?: boolean;
}

/**
 * The one table of card text styles. Templates draw with these weights and the renderer loads and
 * measures the same faces at the same weights, so text is never measured at one weight and drawn at
 * another.
 */
export type TextStyle = 'headline' | 'text' | 'textBold' | 'brand';

export const TEXT_STYLES: Readonly<Record<TextStyle, TextStyleSpec>> = {
  headline: { role: 'headline', weight: 700 },
  text: { role: 'text', weight: 400 },
  textBold: { role: 'text', weight: 700 },
  brand: { role: 'headline', weight: 700, latinFirst: true },
};

export const TEXT_STYLE_NAMES = Object.keys(TEXT_STYLES) as TextStyle[];
