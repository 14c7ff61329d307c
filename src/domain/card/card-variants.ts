/**
 * Share-card sizes, one entry per variant: adding a variant is adding a line. `og` is the 1.91:1 image
 * Open Graph, X (summary_large_image), LinkedIn and WhatsApp show; `square` serves oEmbed thumbnails and
 * networks that crop to 1:1 (docs/platforms.md).
 */
export const CARD_VARIANTS = {
  og: { width: 1200, height: 630 },
  square: { width: 1200, height: 1200 },
} as const satisfies Record<string, { width: number; height: number }>;

export type CardVariant = keyof typeof CARD_VARIANTS;

export function isCardVariant(value: string): value is CardVariant {
  return Object.hasOwn(CARD_VARIANTS, value);
}

export const CARD_TEMPLATES = ['photo', 'text'] as const;
export type CardTemplate = (typeof CARD_TEMPLATES)[number];

export function isCardTemplate(value: string): value is CardTemplate {
  return (CARD_TEMPLATES as readonly string[]).includes(value);
}

/**
 * Largest card served, in bytes. WhatsApp drops previews whose image is much over 300 KB in practice
 * (Meta documents 600 KB; docs/platforms.md), and it is the strictest network.
 */
export const CARD_BYTE_BUDGET = 300_000;

export type CardFormat = 'png' | 'jpg';
export const CARD_CONTENT_TYPES = { png: 'image/png', jpg: 'image/jpeg' } as const satisfies Record<CardFormat, string>;
