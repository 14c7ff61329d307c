import type { CardInput } from './card-input';
import type { CardFormat } from './card-variants';

/**
 * Version of the render pipeline itself (rasteriser, PNG encoder, JPEG qualities). Bump it when a
 * change alters the bytes of cards whose inputs did not change, so their URLs change too.
 */
export const RENDERER_VERSION = 2;

/** Everything that decides a card's pixels and bytes (docs/architecture.md, "Card URLs and caching"). */
export interface CardHashParts {
  /** Exactly the fields the template reads, brand settings and variant included. */
  input: CardInput;
  templateVersion: number;
  /** Version of the font and emoji set (the packages the build copied). */
  fontSet: string;
  format: CardFormat;
}

/** JSON with object keys sorted, so equal values always serialise to equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The content hash in a card's URL: 80 bits of SHA-256 over the canonical form of the parts, as
 * 20 lower-case hex digits. Equal parts give equal hashes in every isolate and deployment.
 */
export async function cardHash(parts: CardHashParts): Promise<string> {
  const text = canonicalJson({ renderer: RENDERER_VERSION, ...parts });
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest.subarray(0, 10), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const CARD_HASH_PATTERN = /^[0-9a-f]{20}$/;

/** Where a rendered card lives in R2: grouped by article so an article's cards can be listed and deleted. */
export function cardObjectKey(articleId: string, variant: string, hash: string, format: CardFormat): string {
  return `cards/${articleId}/${variant}-${hash}.${format}`;
}

export function articleCardPrefix(articleId: string): string {
  return `cards/${articleId}/`;
}

/** The article id of a card's storage key (`cards/<article>/<file>`), or undefined for any other key. */
export function articleIdOfCardKey(key: string): string | undefined {
  return /^cards\/([^/]+)\/[^/]+$/.exec(key)?.[1];
}
