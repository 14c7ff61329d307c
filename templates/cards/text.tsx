/** @jsxImportSource satori/jsx */
import type { CardInput, CardVariant } from '../../src/domain/card';
import type { CardTemplateModule, CardTemplateProps } from './template';
import { CardHead, cardHeadHeight, cardTexts, Lines, Meta, metaHeight, satoriLocale } from './parts';
import { INK, MUTED, PAPER } from './theme';

/** Sizes of the typographic card per variant, in pixels. */
const LAYOUT = {
  og: {
    padX: 64, padTop: 44, padBottom: 40, band: 8,
    masthead: { height: 52, name: 32, section: 20 }, ruleGap: [14, 26],
    label: { height: 36, size: 19, gap: 18 },
    headline: { max: 76, min: 40, lineHeight: 1.12 },
    deck: { size: 26, lineHeight: 1.35, gap: 22, maxLines: 3 },
    meta: { size: 22, gap: 20 },
  },
  square: {
    padX: 80, padTop: 64, padBottom: 64, band: 12,
    masthead: { height: 64, name: 40, section: 26 }, ruleGap: [18, 40],
    label: { height: 46, size: 24, gap: 26 },
    headline: { max: 112, min: 52, lineHeight: 1.08 },
    deck: { size: 34, lineHeight: 1.35, gap: 28, maxLines: 5 },
    meta: { size: 28, gap: 28 },
  },
} as const satisfies Record<CardVariant, unknown>;

function texts(input: CardInput) {
  return cardTexts(input, [input.description, input.date]);
}

/** The text card: masthead, label, a large serif headline and, when there is room, the deck. */
function render({ input, width, height, fit, fonts, logo }: CardTemplateProps) {
  const l = LAYOUT[input.variant];
  const inner = width - 2 * l.padX;
  const content =
    height - l.band - l.padTop - l.padBottom - cardHeadHeight(l, Boolean(input.label)) - l.meta.gap - metaHeight(l.meta.size);

  const headline = fit({
    text: input.headline, style: 'headline', width: inner, height: content,
    maxSize: l.headline.max, minSize: l.headline.min, lineHeight: l.headline.lineHeight,
  });
  // The deck takes what the headline leaves, only if at least two of its lines fit.
  const headlineHeight = headline.lines.length * headline.lineHeight;
  const deckRoom = content - headlineHeight - l.deck.gap;
  const deckLines = Math.min(l.deck.maxLines, Math.floor(deckRoom / (l.deck.size * l.deck.lineHeight)));
  const deck = !headline.clamped && deckLines >= 2
    ? fit({
        text: input.description, style: 'text', width: inner, height: deckRoom, maxSize: l.deck.size,
        minSize: l.deck.size, lineHeight: l.deck.lineHeight, maxLines: deckLines,
      })
    : undefined;

  return (
    <div lang={satoriLocale(input.lang)} style={{ display: 'flex', flexDirection: 'column', width, height, background: PAPER }}>
      <div style={{ display: 'flex', height: l.band, background: input.site.themeColor }} />
      <div style={{ display: 'flex', flexDirection: 'column', padding: `${l.padTop}px ${l.padX}px ${l.padBottom}px`, flexGrow: 1 }}>
        <CardHead input={input} layout={l} fit={fit} fonts={fonts} logo={logo} width={inner} />
        <div style={{ display: 'flex', flexDirection: 'column', height: content }}>
          <Lines fitted={headline} style="headline" fonts={fonts} color={INK} />
          {deck ? (
            <div style={{ display: 'flex', marginTop: l.deck.gap }}>
              <Lines fitted={deck} style="text" fonts={fonts} color={MUTED} />
            </div>
          ) : null}
        </div>
        <div style={{ display: 'flex', marginTop: l.meta.gap }}>
          <Meta fit={fit} fonts={fonts} byline={input.byline} date={input.date} width={inner} size={l.meta.size} />
        </div>
      </div>
    </div>
  );
}

export const textTemplate: CardTemplateModule = { id: 'text', version: 2, texts, render };
