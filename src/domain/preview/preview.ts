import { buildMock, type ImageFacts, type NetworkMock } from './mock';
import { NETWORK_PROFILES } from './networks';
import type { PageTags } from './page-tags';
import type { NetworkProfile } from './profile';
import type { MeasureWidth } from './units';
import type { MessageLang } from './warning-messages';
import { previewWarnings, type CardFacts, type PreviewWarning } from './warnings';

export interface PreviewInput {
  tags: PageTags;
  /** What is known of each image URL the tags name. */
  images: ReadonlyMap<string, ImageFacts>;
  /** Host of the article's canonical URL (the domain line networks show). */
  canonicalHost: string;
  status: 'published' | 'draft';
  embargoUntil?: string;
  embargoed: boolean;
  card?: CardFacts;
  /** The language of the warnings' messages (default English). */
  lang?: MessageLang;
  /** Text widths for "lines at a pixel width" rules (default: the estimate of units.ts). */
  measureWidth?: MeasureWidth;
}

export interface Preview {
  networks: NetworkMock[];
  warnings: PreviewWarning[];
}

/** The preview of a page on every network (mocks from the tags each reads) with its warnings. */
export function buildPreview(input: PreviewInput, profiles: readonly NetworkProfile[] = NETWORK_PROFILES): Preview {
  const networks = profiles.map((p) => buildMock(p, input.tags, input.images, input.canonicalHost, input.measureWidth));
  const warnings = previewWarnings(profiles, networks, {
    status: input.status,
    embargoed: input.embargoed,
    tags: input.tags,
    images: input.images,
    ...(input.embargoUntil ? { embargoUntil: input.embargoUntil } : {}),
    ...(input.card ? { card: input.card } : {}),
    ...(input.lang ? { lang: input.lang } : {}),
  });
  return { networks, warnings };
}
