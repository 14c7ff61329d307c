import type { HeadTag } from '../head';
import type { TagSource } from './profile';

/** The metadata of a page as crawlers read it: meta tags by lower-cased name or property, `<title>`, JSON-LD. */
export interface PageTags {
  /** All values of each `<meta name|property>`, in document order. */
  meta: ReadonlyMap<string, string[]>;
  title?: string;
  /** NewsArticle/Article/WebPage objects of the page's JSON-LD (also inside `@graph`). */
  jsonLd: { headline?: string; description?: string }[];
}

const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle', 'OpinionNewsArticle', 'AnalysisNewsArticle', 'WebPage', 'BlogPosting']);

function articleObjects(json: unknown): { headline?: string; description?: string }[] {
  if (Array.isArray(json)) return json.flatMap(articleObjects);
  if (!json || typeof json !== 'object') return [];
  const o = json as Record<string, unknown>;
  const out = Array.isArray(o['@graph']) ? articleObjects(o['@graph']) : [];
  const types = ([] as unknown[]).concat(o['@type'] ?? []);
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t))) {
    out.unshift({
      ...(typeof o.headline === 'string' ? { headline: o.headline } : {}),
      ...(typeof o.description === 'string' ? { description: o.description } : {}),
    });
  }
  return out;
}

function collect(entries: [string, string][], title: string | undefined, jsonBlocks: unknown[]): PageTags {
  const meta = new Map<string, string[]>();
  for (const [key, value] of entries) {
    const k = key.toLowerCase();
    meta.set(k, [...(meta.get(k) ?? []), value]);
  }
  return { meta, ...(title !== undefined ? { title } : {}), jsonLd: jsonBlocks.flatMap(articleObjects) };
}

/** The tags an article page is served with (src/domain/head), as a crawler would read them. */
export function pageTagsFromHead(tags: readonly HeadTag[]): PageTags {
  const entries: [string, string][] = [];
  let title: string | undefined;
  const json: unknown[] = [];
  for (const t of tags) {
    if (t.tag === 'title') title ??= t.text;
    else if (t.tag === 'meta') entries.push(['name' in t ? t.name : t.property, t.content]);
    else if (t.tag === 'script') json.push(t.json);
  }
  return collect(entries, title, json);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Decodes the HTML character references a crawler decodes in attribute values and text (HTML §13.5). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
};

/**
 * Reads the tags from the `<head>` of fetched HTML, the way simple crawlers do: `<meta>` with `name` or
 * `property` and `content`, the first `<title>`, and `application/ld+json` scripts. Only what comes
 * before `</head>` counts (the caller passes what the crawler actually received).
 */
export function pageTagsFromHtml(html: string): PageTags {
  const end = html.search(/<\/head\s*>/i);
  const head = end >= 0 ? html.slice(0, end) : html;
  const entries: [string, string][] = [];
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const key = attr(m[0], 'property') ?? attr(m[0], 'name');
    const content = attr(m[0], 'content');
    if (key && content !== undefined) entries.push([key, content]);
  }
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(head);
  const json: unknown[] = [];
  for (const m of head.matchAll(/<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi)) {
    try {
      json.push(JSON.parse(m[1]!.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')));
    } catch {
      // A crawler skips JSON-LD it cannot parse.
    }
  }
  return collect(entries, titleMatch ? decodeEntities(titleMatch[1]!.trim()) : undefined, json);
}

/** The first value a network would read for a field, with the tag it came from. */
export function readField(tags: PageTags, sources: readonly TagSource[]): { value: string; source: TagSource } | undefined {
  for (const source of sources) {
    let value: string | undefined;
    if (source === 'title') value = tags.title;
    else if (source === 'jsonld:headline') value = tags.jsonLd.find((j) => j.headline)?.headline;
    else if (source === 'jsonld:description') value = tags.jsonLd.find((j) => j.description)?.description;
    else value = tags.meta.get(source === 'meta:description' ? 'description' : source)?.[0];
    if (value !== undefined && value.trim() !== '') return { value: value.trim(), source };
  }
  return undefined;
}
