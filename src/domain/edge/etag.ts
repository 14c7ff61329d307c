/**
 * Entity tags of rewritten pages. The bytes differ from origin's, so a strong origin tag becomes a
 * weak one that also changes with the injected set (RFC 9110 §8.8.3: a strong validator promises
 * byte-identical bodies; Cloudflare weakens tags the same way when it changes the encoding).
 */

/** FNV-1a (32-bit) of a string's UTF-16 code units, in base 36: a short, stable fingerprint. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/;

/** `W/"<origin opaque-tag>-pc<set>"`, or undefined when origin sent no (valid) tag. */
export function rewrittenEtag(originEtag: string | null, setFingerprint: string): string | undefined {
  const m = originEtag ? TAG.exec(originEtag.trim()) : null;
  return m ? `W/"${m[2]}-pc${setFingerprint}"` : undefined;
}

/**
 * The If-None-Match to send origin for a client's header: each of our tags carrying the current set's
 * fingerprint becomes origin's own tag (origin compares weakly for If-None-Match, RFC 9110 §13.1.2).
 * Undefined when none qualifies: origin is then asked unconditionally.
 */
export function originIfNoneMatch(clientHeader: string | null, setFingerprint: string): string | undefined {
  if (!clientHeader) return undefined;
  const suffix = `-pc${setFingerprint}`;
  const tags = clientHeader.split(',').flatMap((part) => {
    const m = TAG.exec(part.trim());
    return m && m[2]!.endsWith(suffix) ? [`"${m[2]!.slice(0, -suffix.length)}"`] : [];
  });
  return tags.length ? tags.join(', ') : undefined;
}

/** Weak comparison of If-None-Match against a tag (RFC 9110 §13.1.2); `*` matches any. */
export function ifNoneMatchHits(clientHeader: string | null, etag: string | undefined): boolean {
  if (!clientHeader || !etag) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return clientHeader.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
}
