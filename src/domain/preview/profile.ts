import type { CountUnit } from './units';

/**
 * One figure of a network's behaviour, with where it comes from: the platform's documentation or
 * source code (`confirmed`), or a tester's observation or a third-party write-up (unconfirmed; the
 * newsroom page marks it). `checked` is the month the source was read (YYYY-MM).
 */
export interface Figure<T> {
  value: T;
  source: string;
  checked: string;
  confirmed: boolean;
}

export const confirmed = <T>(value: T, source: string, checked = '2026-11'): Figure<T> => ({ value, source, checked, confirmed: true });
export const unconfirmed = <T>(value: T, source: string, checked = '2026-11'): Figure<T> => ({ value, source, checked, confirmed: false });

/** The tags a network reads a field from, in its priority order (first present wins). */
export type TagSource =
  | 'jsonld:headline' | 'jsonld:description'
  | 'og:title' | 'og:description' | 'og:image' | 'og:site_name'
  | 'twitter:title' | 'twitter:description' | 'twitter:image'
  | 'meta:description' | 'title';

/**
 * How a network shortens a text field: a count in a unit, or lines at a pixel width. `lines` rules are
 * set with the advance widths of the bundled sans faces (Source Sans 3 for Latin, the Noto Sans face of
 * each script; emoji 1 em), not the app's own font: against Arial's metrics (Liberation Sans) Source
 * Sans 3 sets mixed-case English 4-6% narrower and capitals up to 16% narrower, so a line within about
 * 6% of `widthPx` may wrap one word earlier in the app; CJK ideographs and kana are 1 em in both
 * (docs/newsroom.md, "Lines at a pixel width").
 */
export type TextRule =
  | { kind: 'count'; unit: CountUnit; max: Figure<number>; ellipsis: string; ellipsisCounts: boolean }
  | { kind: 'lines'; lines: Figure<number>; widthPx: number; fontPx: number };

/** How a network draws the image: the large card's aspect, when it switches to a small layout, limits. */
export interface ImageRule {
  /** Aspect (width / height) of the large card's image box; the image is cropped to cover it. */
  aspect: Figure<number>;
  /** Below this size the network draws its small layout (a thumbnail beside the text). */
  largeMin?: Figure<{ width: number; height: number }>;
  /** Aspect of the small layout's thumbnail (1 = square; LinkedIn's 128x72 = 16:9). */
  smallAspect?: number;
  /** Below this the image is not shown at all. */
  minSize?: Figure<{ width: number; height: number }>;
  maxBytes?: Figure<number>;
  types?: Figure<string[]>;
  /** `center`: a centred cover crop; `wider-than-tall`: large only when width > height (Mastodon). */
  crop: 'center';
  largeWhen?: 'min-size' | 'wider-than-tall' | 'always';
}

export interface CrawlerRule {
  userAgent: Figure<string>;
  /** Probes with HEAD before the GET. */
  head?: Figure<boolean>;
  /** Reads only the first N bytes of the page (Range). */
  maxBytes?: Figure<number>;
}

export interface CacheRule {
  /** The card is copied into the post when it is made: later page changes never reach old posts. */
  frozenAtPost: Figure<boolean>;
  /** How the network's own cache refreshes. */
  refresh: Figure<string>;
  /** A one-click or manual way to make it fetch again. */
  refreshTool?: { label: string; url: string };
}

export type NetworkId =
  | 'facebook' | 'x' | 'linkedin' | 'slack' | 'discord' | 'whatsapp' | 'line' | 'imessage'
  | 'mastodon' | 'bluesky' | 'telegram' | 'threads' | 'google-search' | 'google-discover';

/** Everything the preview knows about one network: what it reads, how it draws, how it caches. */
export interface NetworkProfile {
  id: NetworkId;
  name: string;
  crawler: CrawlerRule;
  reads: { title: TagSource[]; description: TagSource[]; image: TagSource[]; site: TagSource[] };
  /** Absent: the network does not show the field in its link card (X large cards show no description). */
  title?: TextRule;
  description?: TextRule;
  image: ImageRule;
  /** How the domain line reads: `domain`, `DOMAIN` (upper case), `From domain`, or the site name. */
  domainLine: 'domain' | 'upper' | 'from' | 'site-name' | 'breadcrumb';
  modes: ('light' | 'dark')[];
  cache: CacheRule;
  /** Notes the page shows beside the mock. */
  notes?: Figure<string>[];
}
