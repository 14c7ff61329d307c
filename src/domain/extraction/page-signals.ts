/**
 * What a collector read from an origin page, with HTML entities already decoded (lol-html hands over
 * attribute values and text with their entities still encoded, cloudflare/lol-html#131). JSON-LD is
 * kept as the raw text of each `<script type="application/ld+json">` in the page.
 */
export interface PageSignals {
  /** The URL the page was finally served from (after redirects): relative URLs resolve against it. */
  finalUrl: string;
  /** `<html lang>`. */
  htmlLang?: string;
  /** Text of `<head>`'s `<title>` (an SVG `<title>` in the body is not it). */
  title?: string;
  /** `<meta>` in `<head>`, in document order: `key` is the lower-cased `property`, `name` or `itemprop`. */
  metas: { key: string; content: string }[];
  jsonLd: string[];
  /** `href` of `<link rel="canonical">`. */
  canonical?: string;
  /** Text of the first `h1` inside `article`. */
  articleH1?: string;
  /** Text of the first paragraph inside `article`. */
  articleParagraph?: string;
  /** `datetime` of the first `time` inside `article`. */
  articleTime?: string;
}

/** Where each field of an extracted article came from (the newsroom preview shows it). */
export type ProvenanceSource =
  | 'json-ld' | 'og' | 'twitter' | 'meta' | 'title' | 'h1' | 'article-paragraph' | 'article-time'
  | 'html-lang' | 'script' | 'url' | 'default';

export type Provenance = Partial<Record<
  'headline' | 'description' | 'lang' | 'section' | 'publishedAt' | 'modifiedAt' | 'image' | 'imageAlt' | 'authors' | 'tags',
  ProvenanceSource
>>;

export type ExtractionFailure = 'not-an-article' | 'no-headline' | 'no-date' | 'invalid';
