import type { JSXElement } from 'satori/jsx';
import type { CardInput, CardTemplate, CardVariant, CoverPlacement, Size } from '../../src/domain/card';
import type { FittedLines, TextStyle } from '../../src/domain/typography';


export type { TextStyle };

/** A block of text to set in a box; the renderer answers with the lines and the size chosen. */
export interface FitRequest {
  text: string;
  style: TextStyle;
  width: number;
  height: number;
  maxSize: number;
  minSize: number;
  lineHeight: number;
  maxLines?: number;
}

export type Fit = (request: FitRequest) => FittedLines;

/** Everything a template draws with: plain data, no I/O. */
export interface CardTemplateProps {
  input: CardInput;
  width: number;
  height: number;
  /** Sets text in a box; pure (measures with fonts already loaded). */
  fit: Fit;
  /** CSS font-family per style. */
  fonts: Record<TextStyle, string>;
  /**
   * The photo placed to cover the template's photo box, when the card has one. Without `src` the photo
   * is composited under the card after rendering: the box must then be left transparent, with nothing
   * but overlays (the credit) drawn in it.
   */
  photo?: CoverPlacement & { src?: string };
  /** The site logo as a data URI. */
  logo?: string;
}

export interface CardTemplateModule {
  id: CardTemplate;
  /** Bumped whenever the template's pixels change for the same input: part of a card's cache key. */
  version: number;
  /** Every string the template sets, per style, so the renderer loads the fonts before layout. */
  texts(input: CardInput): Partial<Record<TextStyle, string>>;
  /** The box the photo must cover (photo templates), and where it sits on the card. */
  photoBox?(variant: CardVariant): Size & { x: number; y: number };
  /** The colour behind the photo, shown through a translucent one (photo templates). */
  photoBackdrop?: string;
  render(props: CardTemplateProps): JSXElement;
}
