import type { Context } from 'hono';
import { normaliseUri, toWellFormed } from '../domain/normalise';

/**
 * A URL as an HTTP header value (`Location`, `Link`): a field value is visible ASCII, spaces and tabs
 * (RFC 9110 §5.5), and a `Location` is a URI reference (§10.2.2). Whatever the URL was built from
 * (stored text included) the result is valid: an absolute URL or IRI becomes its normalised URI; any
 * other string is percent-encoded as UTF-8, a lone surrogate as U+FFFD.
 */
export function headerUrl(url: string): string {
  const wellFormed = toWellFormed(url);
  return normaliseUri(wellFormed) ?? encodeURI(wellFormed).replace(/[^\x21-\x7E]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A redirect whose `Location` is always a valid header value (see headerUrl). */
export function redirectTo(c: Context, url: string, status: 301 | 302 | 303 | 307 | 308 = 302): Response {
  return c.redirect(headerUrl(url), status);
}
