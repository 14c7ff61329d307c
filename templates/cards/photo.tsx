/** @jsxImportSource satori/jsx */
import type { CardInput, CardVariant } from '../../src/domain/card';
import type { CardTemplateModule, CardTemplateProps } from './template';
import { CardHead, cardHeadHeight, cardTexts, fitLine, Lines, Meta, metaHeight, satoriLocale } from './parts';
import { INK, PAPER } from './theme';

/**
 * Sizes of the photo card per variant, in pixels. `og` sets the photo beside the text (a headline over
 * a photo is hard to read at thumbnail size); `square` sets it above.
 */
const LAYOUT = {
  og: {
    direction: 'row', photo: { x: 0, y: 0, width: 600, height: 630 },
    panel: { width: 600, height: 630, padX: 48, padTop: 36, padBottom: 36, band: 8 },
    masthead: { height: 44, name: 26, section: 18 }, ruleGap: [12, 22],
    label: { height: 32, size: 17, gap: 16 },
    headline: { max: 60, min: 30, lineHeight: 1.14 },
    meta: { size: 19, gap: 18 },
    credit: 14,
  },
  square: {
    direction: 'column', photo: { x: 0, y: 0, width: 1200, height: 640 },
    panel: { width: 1200, height: 560, padX: 72, padTop: 32, padBottom: 40, band: 10 },
    masthead: { height: 50, name: 30, section: 22 }, ruleGap: [12, 24],
    label: { height: 38, size: 20, gap: 18 },
    headline: { max: 92, min: 40, lineHeight: 1.1 },
    meta: { size: 24, gap: 22 },
    credit: 18,
  },
} as const satisfies Record<CardVariant, unknown>;

function texts(input: CardInput) {
  return cardTexts(input, [input.date, input.photo?.credit]);
}

/** The photo card: the article's photo, cropped around its focal point, beside or above the headline. */
function render({ input, width, height, fit, fonts, logo, photo }: CardTemplateProps) {
  const l = LAYOUT[input.variant];
  const p = l.panel;
  const inner = p.width - 2 * p.padX;
  const content =
    p.height - p.band - p.padTop - p.padBottom - cardHeadHeight(l, Boolean(input.label)) - l.meta.gap - metaHeight(l.meta.size);
  const headline = fit({
    text: input.headline, style: 'headline', width: inner, height: content,
    maxSize: l.headline.max, minSize: l.headline.min, lineHeight: l.headline.lineHeight,
  });
  const credit = input.photo?.credit ? fitLine(fit, input.photo.credit, 'text', l.photo.width - 4 * l.credit, l.credit) : undefined;

  return (
    // The photo box comes first (top left: LAYOUT's x and y) and the panel fills the rest, so each
    // paints its own background and a composited photo's box can stay transparent.
    <div lang={satoriLocale(input.lang)} style={{ display: 'flex', flexDirection: l.direction, width, height }}>
      <div
        style={{
          display: 'flex', position: 'relative', width: l.photo.width, height: l.photo.height, overflow: 'hidden',
          ...(photo && photo.src === undefined ? {} : { background: INK }),
        }}
      >
        {photo?.src ? (
          <img
            src={photo.src}
            width={photo.width}
            height={photo.height}
            style={{ position: 'absolute', left: photo.left, top: photo.top, width: photo.width, height: photo.height }}
          />
        ) : null}
        {credit ? (
          <div style={{ display: 'flex', position: 'absolute', right: 0, bottom: 0, padding: `${l.credit * 0.3}px ${l.credit * 0.7}px`, background: 'rgba(0,0,0,0.55)' }}>
            <Lines fitted={credit} style="text" fonts={fonts} color="#ffffff" />
          </div>
        ) : null}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', width: p.width, height: p.height, background: PAPER }}>
        <div style={{ display: 'flex', height: p.band, background: input.site.themeColor }} />
        <div style={{ display: 'flex', flexDirection: 'column', padding: `${p.padTop}px ${p.padX}px ${p.padBottom}px`, flexGrow: 1 }}>
          <CardHead input={input} layout={l} fit={fit} fonts={fonts} logo={logo} width={inner} />
          <div style={{ display: 'flex', flexDirection: 'column', height: content }}>
            <Lines fitted={headline} style="headline" fonts={fonts} color={INK} />
          </div>
          <div style={{ display: 'flex', marginTop: l.meta.gap }}>
            <Meta fit={fit} fonts={fonts} byline={input.byline} date={input.date} width={inner} size={l.meta.size} />
          </div>
        </div>
      </div>
    </div>
  );
}

export const photoTemplate: CardTemplateModule = {
  id: 'photo',
  version: 2,
  texts,
  photoBox: (variant) => LAYOUT[variant].photo,
  photoBackdrop: INK,
  render,
};
