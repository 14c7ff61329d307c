import type { ImageFacts, NetworkMock } from './mock';
import type { PageTags } from './page-tags';
import type { NetworkId, NetworkProfile } from './profile';

export type Severity = 'error' | 'warning' | 'info';

/** Stable warning codes: clients and tests key on them; messages may change. */
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
  message: string;
  /** Where the rule comes from (platform documentation or source), one per network when they differ. */
  sources: string[];
}

/** What the card renderer reported for the current card (src/render: fitted text, fallback). */
export interface CardFacts {
  /** Why the photo card was drawn as a text card, when it was. */
  fallback?: string;
  headline?: { shrunk: boolean; clamped: boolean };
}

export interface PreviewFacts {
  status: 'published' | 'draft';
  embargoUntil?: string;
  embargoed: boolean;
  tags: PageTags;
  images: ReadonlyMap<string, ImageFacts>;
  card?: CardFacts;
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
  const add = (w: Omit<PreviewWarning, 'networks' | 'sources'>, hits: { id: NetworkId; source: string }[]) => {
    if (hits.length > 0) out.push({ ...w, networks: hits.map((h) => h.id), sources: unique(hits.map((h) => h.source)) });
  };
  const pairs = profiles.map((p, i) => ({ p, m: mocks[i]! }));
  const names = (hits: { id: NetworkId }[]) => hits.map((h) => profiles.find((p) => p.id === h.id)!.name).join(', ');

  const missingTitle = pairs.filter(({ p, m }) => p.title && !m.title).map(({ p }) => ({ id: p.id, source: p.reads.title.join(' → ') }));
  add({ code: 'title-missing', severity: 'error', field: 'socialHeadline', message: `No title tag these networks read: ${names(missingTitle)}.` }, missingTitle);

  const longTitle = pairs.filter(({ m }) => m.title?.truncated).map(({ p, m }) => ({ id: p.id, source: m.title!.figure.source, m }));
  add({ code: 'title-truncated', severity: 'warning', field: 'socialHeadline', message: `The title is cut on ${longTitle.map(({ m, id }) => `${names([{ id }])} (${m.title!.limit} ${m.title!.unit})`).join(', ')}.` }, longTitle);

  const longDesc = pairs.filter(({ m }) => m.description?.truncated).map(({ p, m }) => ({ id: p.id, source: m.description!.figure.source, m }));
  add({ code: 'description-truncated', severity: 'info', field: 'socialDescription', message: `The description is cut on ${longDesc.map(({ m, id }) => `${names([{ id }])} (${m.description!.limit} ${m.description!.unit})`).join(', ')}.` }, longDesc);

  const noImage = pairs.filter(({ m }) => !m.image).map(({ p }) => ({ id: p.id, source: p.reads.image.join(' → ') }));
  add({ code: 'image-missing', severity: 'error', field: 'image', message: `No image tag these networks read: ${names(noImage)}.` }, noImage);

  const withImage = pairs.filter(({ m }) => m.image).map(({ p, m }) => ({ p, m, f: facts.images.get(m.image!.url) }));
  const heavy = withImage.filter(({ p, f }) => f?.bytes !== undefined && p.image.maxBytes && f.bytes > p.image.maxBytes.value)
    .map(({ p }) => ({ id: p.id, source: p.image.maxBytes!.source }));
  add({ code: 'image-over-byte-budget', severity: 'error', field: 'image', message: `The image is over the byte budget of ${names(heavy)}.` }, heavy);

  const small = withImage.filter(({ p, m }) => m.image!.layout === 'small' && p.image.largeMin)
    .map(({ p }) => ({ id: p.id, source: p.image.largeMin!.source }));
  add({ code: 'image-under-large-size', severity: 'warning', field: 'image', message: `The image is under the large-card size of ${names(small)}; they draw a small thumbnail.` }, small);

  const refused = withImage.filter(({ p, f }) => f?.type && p.image.types && !p.image.types.value.includes(f.type))
    .map(({ p }) => ({ id: p.id, source: p.image.types!.source }));
  add({ code: 'image-type-refused', severity: 'error', field: 'image', message: `${names(refused)} refuse this image type.` }, refused);

  if (withImage.length > 0 && !facts.tags.meta.get('og:image:alt')?.[0] && !facts.tags.meta.get('twitter:image:alt')?.[0]) {
    add({ code: 'image-alt-missing', severity: 'warning', field: 'socialImageAlt', message: 'The image has no alt text (og:image:alt, twitter:image:alt) for screen readers.' },
      [{ id: 'facebook', source: 'https://ogp.me/#structured' }, { id: 'x', source: 'https://developer.x.com/en/docs/x-for-websites/cards/overview/markup' }, { id: 'mastodon', source: 'mastodon/mastodon app/lib/link_details_extractor.rb' }]);
  }

  const ld = facts.tags.jsonLd[0];
  const og = { title: facts.tags.meta.get('og:title')?.[0], description: facts.tags.meta.get('og:description')?.[0] };
  if (ld && ((ld.headline && og.title && ld.headline.trim() !== og.title.trim()) || (ld.description && og.description && ld.description.trim() !== og.description.trim()))) {
    add({ code: 'og-jsonld-mismatch', severity: 'warning', field: 'socialHeadline', message: 'JSON-LD and Open Graph disagree: Mastodon shows the JSON-LD headline and description, other networks the Open Graph ones.' },
      [{ id: 'mastodon', source: 'mastodon/mastodon app/lib/link_details_extractor.rb' }]);
  }

  // The card is the og:image: every network that shows the image shows what the renderer drew.
  const ownCard = withImage.map(({ p }) => ({ id: p.id, source: 'src/render/render-card.ts (fitted text, fallback)' }));
  if (facts.card?.headline?.clamped) add({ code: 'card-headline-clamped', severity: 'warning', field: 'socialHeadline', message: 'The card could not fit the whole headline; its last line ends with an ellipsis.' }, ownCard);
  else if (facts.card?.headline?.shrunk) add({ code: 'card-headline-shrunk', severity: 'info', field: 'socialHeadline', message: 'The card set the headline smaller than its largest size to fit.' }, ownCard);
  if (facts.card?.fallback) add({ code: 'card-fallback', severity: 'error', field: 'image', message: `The card was drawn without its photo: ${facts.card.fallback}.` }, ownCard);

  const frozen = profiles.filter((p) => p.cache.frozenAtPost.value).map((p) => ({ id: p.id, source: p.cache.frozenAtPost.source }));
  add({ code: 'frozen-at-post', severity: 'info', field: 'socialHeadline', message: `${names(frozen)} copy the card into the post when it is made: fix it before anyone shares the link.` }, frozen);

  const all = profiles.map((p) => ({ id: p.id, source: 'src/domain/article/visibility.ts' }));
  if (facts.status === 'draft') add({ code: 'draft', severity: 'info', field: 'status', message: 'Draft: invisible on every public route; crawlers get 404 and the default card.' }, all);
  else if (facts.embargoed) add({ code: 'embargoed', severity: 'info', field: 'status', message: `Embargoed until ${facts.embargoUntil}: crawlers get 404 and the default card until then.` }, all);

  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Counts by severity (the newsroom list). */
export function countBySeverity(warnings: readonly PreviewWarning[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const w of warnings) counts[w.severity]++;
  return counts;
}
