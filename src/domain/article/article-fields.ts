import { z } from 'zod';
import { normaliseText, normaliseUri, repairText, textIssue, toUri, type TextRules } from '../normalise';

/**
 * How a schema treats strings. `ingest`: what the CMS sends is refused with a 422 naming the field
 * when it holds a lone surrogate, a control character or a bidi override (see text-hygiene.ts), then
 * NFC-normalised with its bidi embeddings and isolates closed within the field;
 * URLs are normalised once (see uri.ts). `stored`: documents written before these rules are repaired
 * instead of refused, so data already in the database never fails a public route.
 */
export type FieldMode = 'ingest' | 'stored';

/**
 * A string checked (ingest) or repaired (stored), then NFC-normalised and trimmed. Pipe it into the
 * field's own constraints (length, pattern), which then apply to the normalised text.
 */
export function cleanString(mode: FieldMode, rules: TextRules = {}) {
  if (mode === 'stored') return z.string().transform((s) => repairText(s, rules).trim());
  return z
    .string()
    .superRefine((s, ctx) => {
      const issue = textIssue(s, rules);
      if (issue) ctx.addIssue({ code: 'custom', message: issue });
    })
    .transform((s) => normaliseText(s).trim());
}

/** A required line or paragraph of text, 1 to `max` UTF-16 code units after normalisation. */
export function textField(max: number, mode: FieldMode, rules: TextRules = {}) {
  return cleanString(mode, rules).pipe(z.string().min(1).max(max));
}

/**
 * An absolute URL with one of `protocols`, stored as its normalised URI (IRIs percent-encoded,
 * upper-case escapes, default port dropped, dot segments resolved), at most `max` characters in that
 * form. A stored URL that no longer normalises (a stray `%`) has the `%` escaped instead.
 */
export function urlField(protocols: RegExp, max: number, mode: FieldMode) {
  const normalised =
    mode === 'stored'
      ? z.string().transform((s) => {
          const repaired = repairText(s);
          return normaliseUri(repaired) ?? normaliseUri(repaired.replace(/%(?![0-9A-Fa-f]{2})/g, '%25')) ?? repaired;
        })
      : z.string().transform((s, ctx) => {
          const result = toUri(s);
          if (result.ok) return result.uri;
          ctx.issues.push({ code: 'custom', message: result.reason, input: s });
          return z.NEVER;
        });
  return normalised.pipe(z.url({ protocol: protocols }).max(max));
}
