import type { Article, ValidationIssue } from './article';

/** Where photos may come from: config IMAGE_HOSTS (`host[:port]`), and this service's own `/photos/`. */
export interface PhotoHostPolicy {
  imageHosts: readonly string[];
  /** Absolute origin of this service, e.g. `https://share.example`. */
  origin: string;
}

/**
 * The issue with an article's photo URL when the renderer could never fetch it: a host outside
 * IMAGE_HOSTS (the photo source refuses it, src/adapters/photo-source.ts), so the card would always be
 * drawn without it. Ingest answers 422 naming `/image/url` (or `<prefix>/image/url` in a batch).
 */
export function photoHostIssue(article: Pick<Article, 'image'>, policy: PhotoHostPolicy, prefix = ''): ValidationIssue | undefined {
  if (!article.image) return undefined;
  let url: URL;
  try {
    url = new URL(article.image.url);
  } catch {
    return { pointer: `${prefix}/image/url`, message: 'is not a URL' };
  }
  if (url.origin === policy.origin && url.pathname.startsWith('/photos/')) return undefined;
  const host = url.host.toLowerCase();
  if (!policy.imageHosts.includes(host) || url.username || url.password) {
    return { pointer: `${prefix}/image/url`, message: `host ${JSON.stringify(host)} is not one of the image hosts (IMAGE_HOSTS); the card could never show this photo` };
  }
  return undefined;
}
