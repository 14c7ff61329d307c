import { textIssue } from './text-hygiene';

/**
 * One spelling for every URL the service stores or looks up: an IRI (RFC 3987) mapped to its URI
 * (RFC 3987 §3.1), normalised as RFC 3986 §6.2.2 describes, so that `.../東京/café`, `.../%e6%9d%b1...`
 * and `.../%E6%9D%B1...` are one resource:
 * - characters outside ASCII are NFC-normalised (RFC 3987 §5.3.2.2), then UTF-8 percent-encoded; the
 *   host is IDNA-mapped (punycode) and lower-cased, the scheme lower-cased (WHATWG URL parsing);
 * - percent-escapes are upper-case (§6.2.2.1) and those of unreserved characters decoded (§6.2.2.2);
 * - dot segments are resolved (§6.2.2.3) and the scheme's default port is dropped (§6.2.3);
 * - ASCII characters RFC 3986 does not allow in a path, query or fragment (`^`, `|`, `[` ...) are
 *   percent-encoded, so the result is a valid URI and a valid HTTP header value (RFC 9110 §5.5).
 */
export type UriResult = { ok: true; uri: string } | { ok: false; reason: string };

const MALFORMED_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const ESCAPE = /%[0-9A-Fa-f]{2}/g;
const UNRESERVED = /[A-Za-z0-9\-._~]/;
// RFC 3986 §3.3 pchar and "/" (path); §3.4/§3.5 add "?" (query, fragment). "%" starts an escape.
const NOT_IN_PATH = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g;
const NOT_IN_QUERY = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/g;

const encodeAscii = (c: string) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');

function normaliseEscapes(component: string, notAllowed: RegExp): string {
  return component
    .replace(ESCAPE, (e) => {
      const c = String.fromCharCode(parseInt(e.slice(1), 16));
      return UNRESERVED.test(c) ? c : e.toUpperCase();
    })
    .replace(notAllowed, encodeAscii);
}

/** The normalised URI of an absolute URL or IRI, or why it is not one. */
export function toUri(input: string): UriResult {
  const issue = textIssue(input);
  if (issue) return { ok: false, reason: issue };
  const text = input.trim().normalize('NFC');
  if (MALFORMED_ESCAPE.test(text)) return { ok: false, reason: 'has a "%" that does not start a percent-escape (%XX)' };
  let current = text;
  // Decoding an escape can never create a dot segment (WHATWG parsing already treats %2E as "."), so
  // this settles in one or two rounds; the bound only guards against a parser surprise.
  for (let round = 0; round < 3; round++) {
    let url: URL;
    try {
      url = new URL(current);
    } catch {
      return { ok: false, reason: 'is not an absolute URL' };
    }
    const userinfo = url.username || url.password ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
    const authority = url.host ? `//${userinfo}${url.host}` : '';
    const next =
      url.protocol + authority +
      normaliseEscapes(url.pathname, NOT_IN_PATH) +
      normaliseEscapes(url.search, NOT_IN_QUERY) +
      (url.hash ? '#' + normaliseEscapes(url.hash.slice(1), NOT_IN_QUERY) : '');
    if (next === current) return { ok: true, uri: next };
    current = next;
  }
  return { ok: false, reason: 'does not settle into one normal form' };
}

/** The normalised URI, or undefined when `input` is not an absolute URL or IRI. */
export function normaliseUri(input: string): string | undefined {
  const result = toUri(input);
  return result.ok ? result.uri : undefined;
}
