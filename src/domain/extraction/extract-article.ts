import { type ArticleInput, LIMITS, validateArticle, type Article, type ValidationIssue } from '../article';
import { truncateText } from '../typography';
import { extractedArticleId } from './extracted-id';
import { findArticleNode, ldImage, ldNames, ldText, type LdNode } from './json-ld';
import { languageFromScript, normaliseLanguageTag } from './language';
import type { ExtractionFailure, PageSignals, Provenance, ProvenanceSource } from './page-signals';

export interface ExtractionContext {
  /** The canonical URL the page stands for (this service decides it, not the page). */
  canonicalUrl: string;
  siteName: string;
  /** Language when the page declares none and the script says nothing (the site's default). */
  defaultLang: string;
  matchesCanonical: (url: string) => boolean;
  /** Decodes HTML entities in JSON-LD strings (CMSs write `&amp;` there too). */
  decode: (text: string) => string;
}

export type ExtractionResult =
  | { ok: true; article: Article; provenance: Provenance }
  | { ok: false; reason: ExtractionFailure; issues?: ValidationIssue[] };

type Pick<T> = { value: T; from: ProvenanceSource } | undefined;

/** The first source that has a value, in the order given (first match wins, as in metascraper). */
function first<T>(...candidates: [ProvenanceSource, T | undefined][]): Pick<T> {
  for (const [from, value] of candidates) if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) return { value, from };
  return undefined;
}

/** `<title>` without the site's suffix ("Headline - The Mainichi", "Headline | 毎日新聞"). */
export function titleWithoutSiteSuffix(title: string | undefined, siteNames: (string | undefined)[]): string | undefined {
  if (!title) return undefined;
  const t = title.trim();
  // A title that is only the site's name says nothing about the article.
  if (siteNames.some((n) => n && n.trim().toLowerCase() === t.toLowerCase())) return undefined;
  for (const name of siteNames) {
    if (!name) continue;
    const m = new RegExp(`^(.+?)\\s*[|\\-–—:｜]\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'iu').exec(t);
    if (m) return m[1];
  }
  const parts = t.split(/\s+[|\-–—]\s+|\s*｜\s*/u);
  return parts.length > 1 && parts.at(-1)!.length < t.length / 2 ? parts.slice(0, -1).join(' - ') : t;
}

/** An ISO 8601 date-time with offset as the schema wants it; other parsable dates become UTC. */
function isoWithOffset(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(s)) return s;
  // Without an offset Date.parse would read local time; only accept forms that carry one, or dates.
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(s) && !/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * Builds an article from what a collector read of the page, field by field in this order: JSON-LD
 * NewsArticle/Article (also in `@graph`), `og:*`, `twitter:*`, other meta, `<title>` without the
 * site suffix, the first `h1` in `article`. URLs resolve against the final URL; the result is checked
 * by the same schema as pushed articles. Each field's source is returned as its provenance.
 */
export function extractArticle(signals: PageSignals, ctx: ExtractionContext): ExtractionResult {
  const ld: LdNode | undefined = findArticleNode(signals.jsonLd);
  const meta = (key: string) => signals.metas.find((m) => m.key === key)?.content.trim() || undefined;
  const metas = (key: string) => signals.metas.filter((m) => m.key === key).map((m) => m.content.trim()).filter(Boolean);
  const ldStr = (key: string) => {
    const v = ld ? ldText(ld[key]) : undefined;
    return v ? ctx.decode(v) : undefined;
  };
  const absolute = (u: string | undefined) => {
    if (!u) return undefined;
    try {
      const url = new URL(u, signals.finalUrl);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
    } catch {
      return undefined;
    }
  };

  const ogType = meta('og:type');
  if (!ld && ogType && ogType !== 'article') return { ok: false, reason: 'not-an-article' };

  const siteNames = [ctx.siteName, meta('og:site_name'), meta('application-name')];
  const headline = first<string>(
    ['json-ld', ldStr('headline') ?? ldStr('name')], ['og', meta('og:title')], ['twitter', meta('twitter:title')],
    ['meta', meta('title') ?? meta('dc.title')], ['title', titleWithoutSiteSuffix(signals.title, siteNames)], ['h1', signals.articleH1],
  );
  if (!headline) return { ok: false, reason: 'no-headline' };
  const published = first<string>(
    ['json-ld', isoWithOffset(ldStr('datePublished') ?? ldStr('dateCreated'))],
    ['og', isoWithOffset(meta('article:published_time'))], ['meta', isoWithOffset(meta('date') ?? meta('dc.date'))],
    ['article-time', isoWithOffset(signals.articleTime)],
  );
  if (!published) return { ok: false, reason: 'no-date' };
  const modifiedRaw = first<string>(['json-ld', isoWithOffset(ldStr('dateModified'))], ['og', isoWithOffset(meta('article:modified_time'))]);
  const modified = modifiedRaw && Date.parse(modifiedRaw.value) >= Date.parse(published.value) ? modifiedRaw : undefined;

  const description = first<string>(
    ['json-ld', ldStr('description')], ['og', meta('og:description')], ['twitter', meta('twitter:description')],
    ['meta', meta('description')], ['article-paragraph', signals.articleParagraph],
  );
  const lang = first<string>(
    ['json-ld', normaliseLanguageTag(ldStr('inLanguage'))], ['og', normaliseLanguageTag(meta('og:locale'))],
    ['html-lang', normaliseLanguageTag(signals.htmlLang)], ['script', languageFromScript(headline.value)],
    ['default', normaliseLanguageTag(ctx.defaultLang)],
  )!;
  const section = first<string>(['json-ld', ldStr('articleSection')], ['og', meta('article:section')], ['default', 'News'])!;
  const authors = first<string[]>(
    ['json-ld', ld ? ldNames(ld.author).map(ctx.decode) : undefined], ['meta', metas('author')],
    ['og', metas('article:author').filter((a) => !/^https?:/i.test(a))],
  );
  const keywords = ld?.keywords;
  const ldTags = Array.isArray(keywords) ? keywords.filter((k): k is string => typeof k === 'string') : typeof keywords === 'string' ? keywords.split(',') : undefined;
  const tags = first<string[]>(['og', metas('article:tag')], ['json-ld', ldTags?.map((t) => ctx.decode(t.trim())).filter(Boolean)]);

  const ldImg = ld ? ldImage(ld.image) : undefined;
  const int = (v: string | undefined) => Number.parseInt(v ?? '', 10);
  const ogImageUrl = meta('og:image:secure_url') ?? meta('og:image:url') ?? meta('og:image');
  const twitterImageUrl = meta('twitter:image') ?? meta('twitter:image:src');
  // The schema needs an image's size: the first candidate whose size is known (og:image:width and
  // height, or an ImageObject's) is taken; one without (a logo, often) is passed over.
  const imageCandidates: [ProvenanceSource, { url: string; width?: number; height?: number } | undefined][] = [
    ['og', ogImageUrl ? { url: ogImageUrl, width: int(meta('og:image:width')), height: int(meta('og:image:height')) } : undefined],
    ['twitter', twitterImageUrl ? { url: twitterImageUrl } : undefined],
    ['json-ld', ldImg],
  ];
  const image = first(...imageCandidates.map(([from, c]): [ProvenanceSource, { url: string; width: number; height: number } | undefined] => {
    const url = absolute(c?.url);
    return [from, c && url && c.width! > 0 && c.height! > 0 ? { url, width: c.width!, height: c.height! } : undefined];
  }));
  const altBySource: Partial<Record<ProvenanceSource, string | undefined>> = {
    og: meta('og:image:alt'), twitter: meta('twitter:image:alt'), 'json-ld': ldImg?.alt ? ctx.decode(ldImg.alt) : undefined,
  };
  const imageAlt = image ? first<string>([image.from, altBySource[image.from]], ['og', altBySource.og], ['twitter', altBySource.twitter], ['h1', headline.value]) : undefined;

  const provenance: Provenance = {
    headline: headline.from, lang: lang.from, section: section.from, publishedAt: published.from,
    ...(description ? { description: description.from } : {}),
    ...(modified ? { modifiedAt: modified.from } : {}),
    ...(image ? { image: image.from, imageAlt: imageAlt!.from } : {}),
    ...(authors ? { authors: authors.from } : {}),
    ...(tags ? { tags: tags.from } : {}),
  };
  const text = (v: string, max: number) => truncateText(v, max, lang.value);
  const input: ArticleInput = {
    id: extractedArticleId(ctx.canonicalUrl),
    url: ctx.canonicalUrl,
    lang: lang.value,
    headline: text(headline.value, LIMITS.headline),
    description: text(description?.value ?? headline.value, LIMITS.description),
    section: text(section.value, LIMITS.section),
    tags: [...new Set((tags?.value ?? []).map((t) => text(t, LIMITS.tag)))].slice(0, LIMITS.tags),
    authors: (authors?.value ?? []).slice(0, LIMITS.authors).map((name) => ({ name: text(name, LIMITS.authorName) })),
    publishedAt: published.value,
    ...(modified ? { modifiedAt: modified.value } : {}),
    ...(image ? { image: { url: image.value.url, alt: text(imageAlt!.value, LIMITS.alt), width: image.value.width, height: image.value.height } } : {}),
    status: 'published',
  };
  if (!description) provenance.description = provenance.headline;
  const checked = validateArticle(input, ctx.matchesCanonical);
  return checked.ok ? { ok: true, article: checked.article, provenance } : { ok: false, reason: 'invalid', issues: checked.issues };
}
