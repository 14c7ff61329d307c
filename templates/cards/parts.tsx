/** @jsxImportSource satori/jsx */
import type { CardInput, LabelTone } from '../../src/domain/card';
import { type FittedLines, TEXT_STYLES } from '../../src/domain/typography';
import type { Fit, TextStyle } from './template';
import { HAIRLINE, INK, labelColour, MUTED } from './theme';

/**
 * Satori's locale for a BCP 47 tag (its `lang` attribute accepts only its own list). It decides how
 * satori segments text and which language code it passes to loadAdditionalAsset.
 */
export function satoriLocale(lang: string): string | undefined {
  const l = lang.toLowerCase();
  if (l.startsWith('ja')) return 'ja-JP';
  if (l.startsWith('ko')) return 'ko-KR';
  if (/^zh-(hant|tw|mo)/.test(l)) return 'zh-TW';
  if (l.startsWith('zh-hk')) return 'zh-HK';
  if (l.startsWith('zh')) return 'zh-CN';
  return undefined;
}

/**
 * Fitted text, one element per line. Lines are broken by the fitter (kinsoku, whole words) and never
 * re-wrapped by satori, so what was measured is what is drawn.
 */
export function Lines(props: { fitted: FittedLines; style: TextStyle; fonts: Record<TextStyle, string>; color: string }) {
  const { fitted, style, fonts, color } = props;
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }}>
      {fitted.lines.map((line, i) => (
        <div
          style={{
            display: 'flex',
            height: fitted.lineHeight,
            fontSize: fitted.fontSize,
            lineHeight: fitted.lineHeight / fitted.fontSize,
            fontFamily: fonts[style],
            fontWeight: TEXT_STYLES[style].weight,
            color,
            whiteSpace: 'nowrap',
            // A right-to-left paragraph is set flush right; its lines come already in visual order.
            justifyContent: fitted.direction === 'rtl' ? 'flex-end' : 'flex-start',
            ...(fitted.indents?.[i] ? { [fitted.direction === 'rtl' ? 'paddingRight' : 'paddingLeft']: fitted.indents[i] } : {}),
            // Satori's words are then graphemes (no wrapping here: the line is nowrap), so an emoji
            // image is looked up by its own grapheme even where UAX #14 offers no break beside it.
            ...(fitted.graphemeWords?.[i] ? { wordBreak: 'break-all' as const } : {}),
          }}
        >
          {line}
        </div>
      ))}
    </div>
  );
}

/** One line of text in a fixed size, ending with an ellipsis if it is too long for `width`. */
export function fitLine(fit: Fit, text: string, style: TextStyle, width: number, size: number): FittedLines {
  return fit({ text, style, width, height: size * 1.25, maxSize: size, minSize: size, lineHeight: 1.25, maxLines: 1 });
}

/** The masthead: logo, site name in the headline face, and the section on the right. */
export function Masthead(props: {
  fit: Fit;
  fonts: Record<TextStyle, string>;
  logo?: string;
  site: string;
  section: string;
  width: number;
  height: number;
  nameSize: number;
  sectionSize: number;
}) {
  const { fit, fonts, logo, site, section, width, height, nameSize, sectionSize } = props;
  const logoSize = Math.round(height * 0.86);
  const nameWidth = Math.round(width * 0.6) - (logo ? logoSize + 14 : 0);
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', width, height }}>
      <div style={{ display: 'flex', alignItems: 'center' }}>
        {logo ? <img src={logo} width={logoSize} height={logoSize} style={{ marginRight: 14, borderRadius: 4 }} /> : null}
        <Lines fitted={fitLine(fit, site, 'brand', nameWidth, nameSize)} style="brand" fonts={fonts} color={INK} />
      </div>
      <Lines fitted={fitLine(fit, section, 'textBold', Math.round(width * 0.36), sectionSize)} style="textBold" fonts={fonts} color={MUTED} />
    </div>
  );
}

/** The newspaper double rule under the masthead: heavy over light. */
export function DoubleRule(props: { width: number }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', width: props.width }}>
      <div style={{ display: 'flex', height: 4, background: INK }} />
      <div style={{ display: 'flex', height: 3 }} />
      <div style={{ display: 'flex', height: 1, background: INK }} />
    </div>
  );
}
export const DOUBLE_RULE_HEIGHT = 8;

/** The kicker label (BREAKING, OPINION, EXCLUSIVE ...) as a solid chip; usable on every template. */
export function Label(props: { text: string; tone: LabelTone; themeColor: string; fonts: Record<TextStyle, string>; height: number; size: number }) {
  const { text, tone, themeColor, fonts, height, size } = props;
  return (
    <div style={{ display: 'flex' }}>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          height,
          padding: `0 ${Math.round(size * 0.7)}px`,
          background: labelColour(tone, themeColor),
          color: '#ffffff',
          fontFamily: fonts.textBold,
          fontWeight: TEXT_STYLES.textBold.weight,
          fontSize: size,
          letterSpacing: Math.round(size * 0.1),
          whiteSpace: 'nowrap',
        }}
      >
        {text}
      </div>
    </div>
  );
}

/** Byline and date under a hairline. */
export function Meta(props: { fit: Fit; fonts: Record<TextStyle, string>; byline?: string; date: string; width: number; size: number }) {
  const { fit, fonts, byline, date, width, size } = props;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', width }}>
      <div style={{ display: 'flex', height: 1, background: HAIRLINE, marginBottom: Math.round(size * 0.6) }} />
      <div style={{ display: 'flex', alignItems: 'center' }}>
        {byline ? <Lines fitted={fitLine(fit, byline, 'textBold', Math.round(width * 0.64), size)} style="textBold" fonts={fonts} color={INK} /> : null}
        {byline ? <div style={{ display: 'flex', width: 1, height: size, background: HAIRLINE, margin: `0 ${Math.round(size * 0.6)}px` }} /> : null}
        <Lines fitted={fitLine(fit, date, 'text', Math.round(width * 0.3), size)} style="text" fonts={fonts} color={MUTED} />
      </div>
    </div>
  );
}

/** Height of <Meta>: hairline, gap and one line. */
export const metaHeight = (size: number) => 1 + Math.round(size * 0.6) + size * 1.25;

/** Sizes of the top of a card (masthead, double rule, label), per template and variant. */
export interface CardHeadLayout {
  masthead: { height: number; name: number; section: number };
  ruleGap: readonly [number, number];
  label: { height: number; size: number; gap: number };
}

/** Height the top of a card takes above the headline. */
export function cardHeadHeight(l: CardHeadLayout, hasLabel: boolean): number {
  return l.masthead.height + l.ruleGap[0] + DOUBLE_RULE_HEIGHT + l.ruleGap[1] + (hasLabel ? l.label.height + l.label.gap : 0);
}

/** The top of every card: masthead, the double rule and, when the article has one, its label. */
export function CardHead(props: {
  input: CardInput;
  layout: CardHeadLayout;
  fit: Fit;
  fonts: Record<TextStyle, string>;
  logo?: string;
  width: number;
}) {
  const { input, layout: l, fit, fonts, logo, width } = props;
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }}>
      <Masthead
        fit={fit} fonts={fonts} logo={logo} site={input.site.name} section={input.section}
        width={width} height={l.masthead.height} nameSize={l.masthead.name} sectionSize={l.masthead.section}
      />
      <div style={{ display: 'flex', marginTop: l.ruleGap[0], marginBottom: l.ruleGap[1] }}>
        <DoubleRule width={width} />
      </div>
      {input.label ? (
        <div style={{ display: 'flex', marginBottom: l.label.gap }}>
          <Label text={input.label.text} tone={input.label.tone} themeColor={input.site.themeColor} fonts={fonts} height={l.label.height} size={l.label.size} />
        </div>
      ) : null}
    </div>
  );
}

/**
 * The text a card sets, by style, for font planning: headline, masthead, the bold small text every
 * card carries (section, label, byline) and the template's own regular text.
 */
export function cardTexts(input: CardInput, regular: (string | undefined)[]): Record<TextStyle, string> {
  return {
    headline: input.headline,
    brand: input.site.name,
    textBold: [input.section, input.label?.text, input.byline].filter(Boolean).join('\n'),
    text: regular.filter(Boolean).join('\n'),
  };
}
