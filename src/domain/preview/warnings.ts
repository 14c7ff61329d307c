import type { ImageFacts, NetworkMock } from './mock';
import type { PageTags } from './page-tags';
import type { NetworkId, NetworkProfile } from './profile';
import { warningMessage, type MessageLang, type MessageParams } from './warning-messages';

export type Severity = 'error' | 'warning' | 'info';

/** Stable warning codes: clients and tests key on them; messages may change (warning-messages.ts, one per UI language). */
export const WARNING_CODES = [
  'title-missing', 'title-truncated', 'description-truncated', 'image-missing', 'image-over-byte-budget',
  'image-under-large-size', 'image-type-refused', 'image-alt-missing', 'og-jsonld-mismatch',
  'card-headline-shrunk', 'card-headline-clamped', 'card-fallback', 'frozen-at-post', 'embargoed', 'draft',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** The social field that fixes a warning (the newsroom's edit form uses these names). */
export type WarningField = 'socialHeadline' | 'socialDescription' | 'socialImageAlt' | 'cardTemplate' | 'focalPoint' | 'label' | 'status' | 'image';

export interface PreviewWarning {
  code: WarningCode;
  severity: Severity;
  networks: NetworkId[];
  field: WarningField;
  /** In the UI's language (`PreviewFacts.lang`). */
  message: string;
  /** Where the rule comes from (platform documentation or source), one per network when they differ. */
  sources: string[];
}

/** What the card renderer reported for the current card (src/render: fitted text, fallback). */
export interface CardFacts {
  /** Why the photo card was drawn as a text card, when it was (this render). */
  fallback?: string;
  /**
   * Why the card stored for crawlers (R2) was drawn without its photo: a final photo failure recorded
   * by the render job (src/domain/operations/photo-failures.ts).
   */
  storedFallback?: string;
  headline?: { shrunk: boolean; clamped: boolean };
}

export interface PreviewFacts {
  status: 'published' | 'draft';
  embargoUntil?: string;
  embargoed: boolean;
  tags: PageTags;
  images: ReadonlyMap<string, ImageFacts>;
  card?: CardFacts;
  /** The language of the messages (default English). */
  lang?: MessageLang;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const unique = <T>(xs: T[]) => [...new Set(xs)];

/**
 * Every warning for a page as the networks would show it, from the mocks (one per profile, same
 * order) and what is known of the image and the card. Errors first. Pure: the same facts give the
 * same warnings.
 */
export function previewWarnings(profiles: readonly NetworkProfile[], mocks: readonly NetworkMock[], facts: PreviewFacts): PreviewWarning[] {
  const out: PreviewWarning[] = [];
  const nameOf = (id: NetworkId) => profiles.find((p) => p.id === id)!.name;
  const add = (w: Omit<PreviewWarning, 'networks' | 'sources' | 'message'> & { params?: MessageParams }, hits: { id: NetworkId; source: string }[]) => {
    if (hits.length === 0) return;
    const { params, ...rest } = w;
    const message = warningMessage(w.code, { networks: hits.map((h) => nameOf(h.id)), ...params }, facts.lang);
    out.push({ ...rest, message, networks: hits.map((h) => h.id), sources: unique(hits.map((h) => h.source)) });
  };
  const pairs = profiles.map((p, i) => ({ p, m: mocks[i]! }));

  const missingTitle = pairs.filter(({ p, m }) => p.title && !m.title).map(({ p }) => ({ id: p.id, source: p.reads.title.join(' → ') }));
  add({ code: 'title-missing', severity: 'error', field: 'socialHeadline' }, missingTitle);

  const longTitle = pairs.filter(({ m }) => m.title?.truncated).map(({ p, m }) => ({ id: p.id, source: m.title!.figure.source, m }));
  add({ code: 'title-truncated', severity: 'warning', field: 'socialHeadline', params: { cuts: longTitle.map(({ m, id }) => ({ network: nameOf(id), limit: m.title!.limit, unit: m.title!.unit })) } }, longTitle);

  const longDesc = pairs.filter(({ m }) => m.description?.truncated).map(({ p, m }) => ({ id: p.id, source: m.description!.figure.source, m }));
  add({ code: 'description-truncated', severity: 'info', field: 'socialDescription', params: { cuts: longDesc.map(({ m, id }) => ({ network: nameOf(id), limit: m.description!.limit, unit: m.description!.unit })) } }, longDesc);

  const noImage = pairs.filter(({ m }) => !m.image).map(({ p }) => ({ id: p.id, source: p.reads.image.join(' → ') }));
  add({ code: 'image-missing', severity: 'error', field: 'image' }, noImage);

  const withImage = pairs.filter(({ m }) => m.image).map(({ p, m }) => ({ p, m, f: facts.images.get(m.image!.url) }));
  const heavy = withImage.filter(({ p, f }) => f?.bytes !== undefined && p.image.maxBytes && f.bytes > p.image.maxBytes.value)
    .map(({ p }) => ({ id: p.id, source: p.image.maxBytes!.source }));
  add({ code: 'image-over-byte-budget', severity: 'error', field: 'image' }, heavy);

  const small = withImage.filter(({ p, m }) => m.image!.layout === 'small' && p.image.largeMin)
    .map(({ p }) => ({ id: p.id, source: p.image.largeMin!.source }));
  add({ code: 'image-under-large-size', severity: 'warning', field: 'image' }, small);

  const refused = withImage.filter(({ p, f }) => f?.type && p.image.types && !p.image.types.value.includes(f.type))
    .map(({ p }) => ({ id: p.id, source: p.image.types!.source }));
  add({ code: 'image-type-refused', severity: 'error', field: 'image' }, refused);

  if (withImage.length > 0 && !facts.tags.meta.get('og:image:alt')?.[0] && !facts.tags.meta.get('twitter:image:alt')?.[0]) {
    add({ code: 'image-alt-missing', severity: 'warning', field: 'socialImageAlt' },
      [{ id: 'facebook', source: 'https://ogp.me/#structured' }, { id: 'x', source: 'https://developer.x.com/en/docs/x-for-websites/cards/overview/markup' }, { id: 'mastodon', source: 'mastodon/mastodon app/lib/link_details_extractor.rb' }]);
  }

  const ld = facts.tags.jsonLd[0];
  const og = { title: facts.tags.meta.get('og:title')?.[0], description: facts.tags.meta.get('og:description')?.[0] };
  if (ld && ((ld.headline && og.title && ld.headline.trim() !== og.title.trim()) || (ld.description && og.description && ld.description.trim() !== og.description.trim()))) {
    add({ code: 'og-jsonld-mismatch', severity: 'warning', field: 'socialHeadline' },
      [{ id: 'mastodon', source: 'mastodon/mastodon app/lib/link_details_extractor.rb' }]);
  }

  // The card is the og:image: every network that shows the image shows what the renderer drew.
  const ownCard = withImage.map(({ p }) => ({ id: p.id, source: 'src/render/render-card.ts (fitted text, fallback)' }));
  if (facts.card?.headline?.clamped) add({ code: 'card-headline-clamped', severity: 'warning', field: 'socialHeadline' }, ownCard);
  else if (facts.card?.headline?.shrunk) add({ code: 'card-headline-shrunk', severity: 'info', field: 'socialHeadline' }, ownCard);
  // The stored card is what crawlers get; this render's outcome is what a save would store.
  const fallback = facts.card?.storedFallback ?? facts.card?.fallback;
  if (fallback) add({ code: 'card-fallback', severity: 'error', field: 'image', params: { reason: fallback } }, ownCard);

  const frozen = profiles.filter((p) => p.cache.frozenAtPost.value).map((p) => ({ id: p.id, source: p.cache.frozenAtPost.source }));
  add({ code: 'frozen-at-post', severity: 'info', field: 'socialHeadline' }, frozen);

  const all = profiles.map((p) => ({ id: p.id, source: 'src/domain/article/visibility.ts' }));
  if (facts.status === 'draft') add({ code: 'draft', severity: 'info', field: 'status' }, all);
  else if (facts.embargoed) add({ code: 'embargoed', severity: 'info', field: 'status', params: { until: facts.embargoUntil ?? '' } }, all);

  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Counts by severity (the newsroom list). */
export function countBySeverity(warnings: readonly PreviewWarning[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const w of warnings) counts[w.severity]++;
  return counts;
}
