import { z } from 'zod';
import { cleanString, storedArticleSchema, LIMITS, textField, type Article, type ValidationIssue, toPointer } from '../article';

// The article's own field rules: lone surrogates and controls refused, NFC, trimmed (article-fields.ts).
const text = (max: number, multiline = false) => textField(max, 'ingest', multiline ? { multiline: true } : {});

/**
 * The fields the newsroom may set over the CMS's document, for networks and cards only: social
 * headline and description, card template, label, the photo's focal point, the card's alt text.
 * In an edit, `null` removes the newsroom's value (the CMS's applies again); an absent field is left
 * as it is.
 */
export const socialFieldsSchema = z.strictObject({
  socialHeadline: text(LIMITS.socialHeadline).nullable().optional(),
  socialDescription: text(LIMITS.socialDescription, true).nullable().optional(),
  cardTemplate: z.enum(['photo', 'text']).nullable().optional(),
  label: cleanString('ingest').pipe(z.string().min(1).max(LIMITS.label).regex(/^[\p{Lu}\p{Lo}\p{N} &'-]+$/u, 'upper-case words')).nullable().optional(),
  focalPoint: z.strictObject({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).nullable().optional(),
  socialImageAlt: text(LIMITS.alt).nullable().optional(),
});

export type SocialFieldEdits = z.infer<typeof socialFieldsSchema>;
/** Saved overrides: only fields with a value. */
export type SocialOverrides = { [K in keyof SocialFieldEdits]?: Exclude<SocialFieldEdits[K], null | undefined> };
export const SOCIAL_FIELDS = Object.keys(socialFieldsSchema.shape) as (keyof SocialFieldEdits)[];

export type SocialFieldsValidation = { ok: true; edits: SocialFieldEdits } | { ok: false; issues: ValidationIssue[] };

/** Validates an edit body (a JSON object with only the social fields). */
export function validateSocialFields(input: unknown): SocialFieldsValidation {
  const r = socialFieldsSchema.safeParse(input);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ pointer: toPointer(i.path), message: i.message })) };
  return { ok: true, edits: r.data };
}

/** Saved overrides with an edit applied: values set, nulls removed, absent fields kept. */
export function mergeOverrides(saved: SocialOverrides, edits: SocialFieldEdits): SocialOverrides {
  const out: Record<string, unknown> = { ...saved };
  for (const key of SOCIAL_FIELDS) {
    if (!(key in edits)) continue;
    const value = edits[key];
    if (value === null || value === undefined) delete out[key];
    else out[key] = value;
  }
  return out as SocialOverrides;
}

/**
 * The article networks see: the CMS's document with the newsroom's overrides on top. The focal point
 * applies to the article's photo (none without a photo). Parsed with the stored-document schema, which
 * repairs rather than refuses: this runs on every public read and must never fail one (the edits
 * themselves were checked with the ingest rules by `validateSocialFields`).
 */
export function applyOverrides(article: Article, overrides: SocialOverrides): Article {
  const { focalPoint, ...fields } = overrides;
  const merged: Record<string, unknown> = { ...article, ...fields };
  if (focalPoint && article.image) merged.image = { ...article.image, focalPoint };
  return storedArticleSchema.parse(merged);
}

/** Which overridden fields differ between two saved sets (for "who changed what" on a conflict). */
export function changedFields(a: SocialOverrides, b: SocialOverrides): (keyof SocialOverrides)[] {
  return SOCIAL_FIELDS.filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));
}
