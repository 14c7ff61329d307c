import { normaliseUri } from '../normalise';

// By list identity: the configuration (and so its pattern list) is parsed once per env, while the
// services that match URLs are built per request.
const compiledPatterns = new WeakMap<readonly string[], (url: string) => boolean>();

/**
 * Canonical URL patterns of the publisher, such as `https://mainichi.jp/english/articles/*`.
 * `*` matches any run of characters; everything else is literal. Compiled once per pattern list
 * (by identity).
 */
export function compileUrlPatterns(patterns: readonly string[]): (url: string) => boolean {
  let compiled = compiledPatterns.get(patterns);
  if (!compiled) compiledPatterns.set(patterns, (compiled = compile(patterns)));
  return compiled;
}

function compile(patterns: readonly string[]): (url: string) => boolean {
  const regexes = patterns.map((p) => {
    const source = p.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${source}$`, 'i');
  });
  return (url) => regexes.some((r) => r.test(url));
}

/**
 * The form URLs are stored and compared in: the normalised URI (see toUri: IRIs percent-encoded,
 * upper-case escapes, dot segments resolved), https, no fragment, no query, no trailing slash,
 * lower-case host. Consumers send canonical URLs in many spellings (oEmbed 1.0 §2.2 leaves `url` to the
 * consumer). Undefined for anything that cannot name an article, a malformed escape included.
 */
export function normaliseArticleUrl(input: string): string | undefined {
  // A pure function of its input, asked several times per request for the same few URLs (each store
  // keys its rows by it): remembered, bounded, oldest out.
  if (normalised.has(input)) return normalised.get(input);
  const out = normaliseArticleUrlUncached(input);
  if (input.length > NORMALISED_MAX_LENGTH) return out;
  if (normalised.size >= NORMALISED_ENTRIES) normalised.delete(normalised.keys().next().value!);
  normalised.set(input, out);
  return out;
}

const normalised = new Map<string, string | undefined>();
const NORMALISED_ENTRIES = 1024;
const NORMALISED_MAX_LENGTH = 2048;

function normaliseArticleUrlUncached(input: string): string | undefined {
  const uri = normaliseUri(input);
  if (!uri) return undefined;
  const url = new URL(uri);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.protocol = 'https:';
  url.hash = '';
  url.search = '';
  if (url.port === '443' || url.port === '80') url.port = '';
  let s = url.toString();
  while (s.endsWith('/') && new URL(s).pathname !== '/') s = s.slice(0, -1);
  return s;
}
