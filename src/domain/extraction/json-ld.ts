/**
 * JSON-LD article nodes (schema.org Article and its news subtypes), in blocks or inside `@graph`, the
 * way Readability's `_getJSONLD` finds them: CDATA wrappers stripped, unparsable blocks skipped.
 */
const ARTICLE_TYPES = new Set(['Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle', 'ReviewNewsArticle', 'BlogPosting']);

export type LdNode = Record<string, unknown>;

function typesOf(node: LdNode): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(https?:\/\/)?schema\.org\//, ''));
}

export const isArticleNode = (node: unknown): node is LdNode =>
  !!node && typeof node === 'object' && !Array.isArray(node) && typesOf(node as LdNode).some((t) => ARTICLE_TYPES.has(t));

/** The first article node among the blocks, or undefined. */
export function findArticleNode(blocks: readonly string[]): LdNode | undefined {
  for (const block of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(block.replace(/^\s*(\/\/\s*)?<!\[CDATA\[/, '').replace(/(\/\/\s*)?\]\]>\s*$/, ''));
    } catch {
      continue;
    }
    const candidates = Array.isArray(data) ? data : [data, ...(((data as LdNode | null)?.['@graph'] as unknown[] | undefined) ?? [])];
    const found = candidates.find(isArticleNode);
    if (found) return found;
  }
  return undefined;
}

/** A schema.org text value: a string, or the first string of an array. */
export function ldText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return value.map(ldText).find(Boolean);
  return undefined;
}

/** Names of `author` (Person or Organization, one or many, or plain strings). */
export function ldNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((v) => {
    if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
    const name = v && typeof v === 'object' ? ldText((v as LdNode).name) : undefined;
    return name ? [name] : [];
  });
}

/** `image` as URL, ImageObject or a list of them: the first, with its size when given. */
export function ldImage(value: unknown): { url: string; width?: number; height?: number; alt?: string } | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return { url: first };
  if (!first || typeof first !== 'object') return undefined;
  const node = first as LdNode;
  const url = ldText(node.url) ?? ldText(node.contentUrl);
  if (!url) return undefined;
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? Number.parseInt(v, 10) : NaN);
  const width = num(node.width);
  const height = num(node.height);
  const alt = ldText(node.caption) ?? ldText(node.description);
  return { url, ...(width > 0 ? { width } : {}), ...(height > 0 ? { height } : {}), ...(alt ? { alt } : {}) };
}
