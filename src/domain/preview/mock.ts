import { readField, type PageTags } from './page-tags';
import type { Figure, NetworkId, NetworkProfile, TagSource, TextRule } from './profile';
import { clampLines, estimatedWidthPx, truncateTo, type CountUnit, type MeasureWidth } from './units';

/** What is known about the image a page names (from its tags, the card renderer or a fetch). */
export interface ImageFacts {
  url: string;
  width?: number;
  height?: number;
  type?: string;
  bytes?: number;
}

/** A text field as the network shows it. */
export interface MockText {
  text: string;
  /** The tag it was read from. */
  source: TagSource;
  truncated: boolean;
  /** Length of the full value in the rule's unit, and the limit. */
  length: number;
  limit: number;
  unit: CountUnit | 'lines';
  figure: Figure<number>;
}

/** The part of the image the network shows, as fractions of its width and height. */
export interface Crop {
  aspect: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One network's mock: what it would show for the page, built from the tags it reads. */
export interface NetworkMock {
  network: NetworkId;
  name: string;
  title?: MockText;
  description?: MockText;
  image?: { url: string; source: TagSource; layout: 'large' | 'small'; crop: Crop };
  /** The domain line as the network writes it. */
  domain: string;
  modes: ('light' | 'dark')[];
  frozenAtPost: boolean;
  /** The crawler's user agent, for "fetch as crawler". */
  userAgent: string;
}

/** Centred cover crop of a `width`x`height` image to `aspect` (CSS `object-fit: cover`). */
export function centreCrop(width: number, height: number, aspect: number): Crop {
  const own = width / height;
  if (own > aspect) {
    const w = aspect / own;
    return { aspect, x: (1 - w) / 2, y: 0, width: w, height: 1 };
  }
  const h = own / aspect;
  return { aspect, x: 0, y: (1 - h) / 2, width: 1, height: h };
}

function shorten(value: string, rule: TextRule, measureWidth: MeasureWidth): Omit<MockText, 'source'> {
  if (rule.kind === 'count') {
    const t = truncateTo(value, rule.max.value, rule.unit, rule.ellipsis, rule.ellipsisCounts);
    return { text: t.text, truncated: t.truncated, length: t.length, limit: rule.max.value, unit: rule.unit, figure: rule.max };
  }
  const t = clampLines(value, rule.widthPx, rule.fontPx, rule.lines.value, measureWidth);
  return { text: t.text, truncated: t.truncated, length: t.length, limit: rule.lines.value, unit: 'lines', figure: rule.lines };
}

function readText(tags: PageTags, sources: readonly TagSource[], rule: TextRule | undefined, measureWidth: MeasureWidth): MockText | undefined {
  if (!rule) return undefined;
  const field = readField(tags, sources);
  return field ? { ...shorten(field.value, rule, measureWidth), source: field.source } : undefined;
}

/** The layout a network picks for an image of known size (large card or small thumbnail). */
export function imageLayout(profile: NetworkProfile, image: ImageFacts): 'large' | 'small' {
  const rule = profile.image;
  if (rule.largeWhen === 'always' || image.width === undefined || image.height === undefined) return 'large';
  if (rule.largeWhen === 'wider-than-tall') return image.width > image.height ? 'large' : 'small';
  const min = rule.largeMin?.value;
  return min && (image.width < min.width || image.height < min.height) ? 'small' : 'large';
}

function domainLine(profile: NetworkProfile, host: string, tags: PageTags): string {
  const site = readField(tags, profile.reads.site)?.value;
  switch (profile.domainLine) {
    case 'upper': return host.toUpperCase();
    case 'from': return `From ${host}`;
    case 'site-name': return site ?? host;
    case 'breadcrumb': return site ? `${site} · ${host}` : host;
    default: return host;
  }
}

/**
 * The mock of one network: each field read from the tags the network reads, in its order, shortened in
 * its unit; the image it would take, its layout and centred crop. `canonicalHost` is the page's host
 * (the domain line). A missing tag leaves the field out, as the network would. `measureWidth` sets
 * "lines at a pixel width" rules (units.ts).
 */
export function buildMock(profile: NetworkProfile, tags: PageTags, images: ReadonlyMap<string, ImageFacts>, canonicalHost: string, measureWidth: MeasureWidth = estimatedWidthPx): NetworkMock {
  const title = readText(tags, profile.reads.title, profile.title, measureWidth);
  const description = readText(tags, profile.reads.description, profile.description, measureWidth);
  const imageField = readField(tags, profile.reads.image);
  let image: NetworkMock['image'];
  if (imageField) {
    const facts = images.get(imageField.value) ?? { url: imageField.value };
    const layout = imageLayout(profile, facts);
    const aspect = layout === 'large' ? profile.image.aspect.value : (profile.image.smallAspect ?? 1);
    const crop = facts.width && facts.height ? centreCrop(facts.width, facts.height, aspect) : { aspect, x: 0, y: 0, width: 1, height: 1 };
    image = { url: imageField.value, source: imageField.source, layout, crop };
  }
  return {
    network: profile.id,
    name: profile.name,
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(image ? { image } : {}),
    domain: domainLine(profile, canonicalHost, tags),
    modes: profile.modes,
    frozenAtPost: profile.cache.frozenAtPost.value,
    userAgent: profile.crawler.userAgent.value,
  };
}
