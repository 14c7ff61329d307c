import { z } from 'zod';
import { cleanString, textField, urlField, type FieldMode } from './article-fields';
import type { TextRules } from '../normalise';

/** Article ids are URL-safe slugs; the CMS chooses them. */
export const ARTICLE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,127}$/;

// Limits are generous for a newsroom but bounded: they keep rows, tags and cards predictable.
// Headline 200 is above every network's display length; platforms truncate, we never have to.
export const LIMITS = {
  headline: 200,
  socialHeadline: 120,
  description: 500,
  socialDescription: 300,
  section: 60,
  tag: 60,
  tags: 20,
  authors: 10,
  authorName: 100,
  credit: 300,
  dateline: 120,
  alt: 420, // twitter:image:alt maximum
  caption: 500,
  imageCredit: 200,
  label: 24,
  paragraph: 10_000,
  paragraphs: 200,
  url: 2048,
} as const;

/**
 * RFC 3339 date-time with an offset, whose instant in UTC falls in the years 0001-9999: the range
 * `Date.prototype.toISOString` writes as a plain four-digit year (ECMA-262 §21.4.1.32), so what is
 * stored as UTC text reads back through this same schema. `9999-12-31T23:59:59-05:00` (a CMS's
 * "never") is year 10000 in UTC: refused, not stored as an article no route can read.
 */
const isoDateTime = z.iso.datetime({ offset: true }).refine((t) => {
  const year = new Date(t).getUTCFullYear();
  return year >= 1 && year <= 9999;
}, 'must fall in the years 0001-9999 in UTC');

// Every string field goes through article-fields.ts: refused with its pointer when it holds a lone
// surrogate or a control character (ingest), NFC-normalised, URLs normalised once. Paragraph fields
// (description, caption, body) may hold tab and line breaks.
const PARAGRAPH = { multiline: true } as const;

function schemasFor(mode: FieldMode) {
  const text = (max: number, rules?: TextRules) => textField(max, mode, rules);
  const httpUrl = urlField(/^https?$/, LIMITS.url, mode);

  const author = z.strictObject({
    name: text(LIMITS.authorName),
    url: httpUrl.optional(),
    /** X handle, with its @. */
    x: z.string().regex(/^@\w{1,15}$/, 'an X handle such as @name').optional(),
    /** Fediverse address `@user@host`, used for `fediverse:creator`. */
    fediverse: z.string().regex(/^@[\w.-]+@[a-z0-9.-]+\.[a-z]{2,}$/i, 'an address such as @user@example.social').optional(),
  });

  const image = z.strictObject({
    url: httpUrl,
    alt: text(LIMITS.alt),
    caption: text(LIMITS.caption, PARAGRAPH).optional(),
    credit: text(LIMITS.imageCredit).optional(),
    width: z.number().int().positive().max(20_000),
    height: z.number().int().positive().max(20_000),
    /** Where the subject is, as fractions of width and height; crops keep it in frame. */
    focalPoint: z.strictObject({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).optional(),
  });

  const article = z
    .strictObject({
      id: z.string().regex(ARTICLE_ID_PATTERN, 'lower-case letters, digits and hyphens, starting with a letter or digit, at most 128'),
      url: urlField(/^https$/, LIMITS.url, mode),
      /** BCP 47 language tag of the article text. */
      lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as en, ja, zh-Hant'),
      headline: text(LIMITS.headline),
      socialHeadline: text(LIMITS.socialHeadline).optional(),
      description: text(LIMITS.description, PARAGRAPH),
      socialDescription: text(LIMITS.socialDescription, PARAGRAPH).optional(),
      section: text(LIMITS.section),
      tags: z.array(text(LIMITS.tag)).max(LIMITS.tags).default([]),
      authors: z.array(author).max(LIMITS.authors).default([]),
      /** Free-text credit line, e.g. "Japanese original by Akira Kudo, Shanghai Bureau". */
      credit: text(LIMITS.credit).optional(),
      dateline: text(LIMITS.dateline).optional(),
      publishedAt: isoDateTime,
      modifiedAt: isoDateTime.optional(),
      image: image.optional(),
      /** Kicker shown on cards and pages: BREAKING, OPINION, EXCLUSIVE ... */
      label: cleanString(mode).pipe(z.string().min(1).max(LIMITS.label).regex(/^[\p{Lu}\p{Lo}\p{N} &'-]+$/u, 'upper-case words')).optional(),
      /** Card template the article prefers; the renderer picks a sensible default when absent. */
      cardTemplate: z.enum(['photo', 'text']).optional(),
      status: z.enum(['published', 'draft']),
      /**
       * Until this instant the article is invisible on every public route, cards included (the
       * newsroom sees it). Stored as UTC (`toISOString`), so stores can compare it as text.
       */
      embargoUntil: isoDateTime.transform((t) => new Date(t).toISOString()).optional(),
      /** og:image:alt / twitter:image:alt of the card when the newsroom wrote one (else headline and site). */
      socialImageAlt: text(LIMITS.alt).optional(),
      body: z.array(text(LIMITS.paragraph, PARAGRAPH)).max(LIMITS.paragraphs).optional(),
    })
    .refine((a) => !a.modifiedAt || Date.parse(a.modifiedAt) >= Date.parse(a.publishedAt), {
      message: 'modifiedAt is before publishedAt',
      path: ['modifiedAt'],
    });

  return { author, image, article };
}

const ingest = schemasFor('ingest');
export const authorSchema = ingest.author;
export const imageSchema = ingest.image;
/** The article document as the CMS sends it: bad text is refused, text and URLs are normalised. */
export const articleSchema = ingest.article;
/**
 * The article document as read back from storage: the same fields, but text stored before the ingest
 * rules existed is repaired (U+FFFD for a lone surrogate, controls dropped, NFC, URLs normalised).
 */
export const storedArticleSchema = schemasFor('stored').article;

export type Article = z.infer<typeof articleSchema>;
export type ArticleInput = z.input<typeof articleSchema>;
export type Author = z.infer<typeof authorSchema>;

/** An article as stored: the validated document plus bookkeeping the store owns. */
export interface StoredArticle {
  article: Article;
  revision: number;
  createdAt: string;
  updatedAt: string;
  /** `cms`: pushed through the ingest API; `extracted`: built by edge mode from the origin page. */
  source?: ArticleSource;
  /** For extracted articles: each field's source (`json-ld`, `og`, `twitter`, `meta`, `title`, `h1`, ...). */
  provenance?: Readonly<Record<string, string>>;
}

export type ArticleSource = 'cms' | 'extracted';

export interface ValidationIssue {
  /** JSON Pointer (RFC 6901) of the bad field, e.g. `/image/width` or `/2/headline` in a batch. */
  pointer: string;
  message: string;
}

export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export type ArticleValidation =
  | { ok: true; article: Article }
  | { ok: false; issues: ValidationIssue[] };

/**
 * Validates an article document. `matchesCanonical` checks the URL against the site's patterns, which
 * live in configuration, so the schema itself stays site-independent.
 */
export function validateArticle(input: unknown, matchesCanonical: (url: string) => boolean): ArticleValidation {
  const result = articleSchema.safeParse(input);
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((i) => ({ pointer: toPointer(i.path), message: i.message })),
    };
  }
  if (!matchesCanonical(result.data.url)) {
    return { ok: false, issues: [{ pointer: '/url', message: "does not match the site's canonical URL patterns" }] };
  }
  return { ok: true, article: result.data };
}

/** The headline networks should show: the social override when the newsroom set one. */
export const shareHeadline = (a: Article) => a.socialHeadline ?? a.headline;
export const shareDescription = (a: Article) => a.socialDescription ?? a.description;
export const byline = (a: Article) => a.authors.map((x) => x.name).join(', ');
