import { articleSchema, type ArticleInput } from '../../src/domain/article/article';
import { buildCardInput } from '../../src/domain/card/card-input';
import type { CardTemplate, CardVariant } from '../../src/domain/card/card-variants';
import { parseSiteConfig } from '../../src/domain/site/site-config';
import { assetReader } from '../../src/adapters/assets';
import { renderCard, type RenderedCard } from '../../src/render/render-card';
import { createPhotoSource } from '../../src/adapters/photo-source';

/** What a golden image is: a fixture drawn with a template in a variant. */
export interface GoldenCase {
  fixture: ArticleInput;
  template: CardTemplate;
  variant: CardVariant;
}

/** `<fixture id>.<template>.<variant>.png`, the reference's file name under test/golden/. */
export const goldenName = ({ fixture, template, variant }: GoldenCase) => `${fixture.id}.${template}.${variant}.png`;

/** The golden cases of a set of fixtures: each published fixture with each template it can take, in each variant. */
export function goldenCases(fixtures: ArticleInput[], variants: CardVariant[]): GoldenCase[] {
  return fixtures
    .filter((f) => f.status === 'published')
    .flatMap((fixture) =>
      (fixture.image ? (['photo', 'text'] as const) : (['text'] as const)).flatMap((template) =>
        variants.map((variant) => ({ fixture, template, variant })),
      ),
    );
}

export interface GoldenEnv {
  ASSETS: Fetcher;
  IMAGES?: ImagesBinding;
  [key: string]: unknown;
}

/**
 * Renders a golden case exactly as the card route would, but always as the PNG straight from resvg (a
 * JPEG would make the comparison depend on the encoder). Fixture photos come from the static assets.
 */
export function renderGolden(env: GoldenEnv, origin: string, c: GoldenCase): Promise<RenderedCard> {
  const config = parseSiteConfig(env);
  const article = articleSchema.parse(c.fixture);
  const assets = assetReader(env.ASSETS);
  const photos = createPhotoSource({ imageHosts: config.imageHosts, ownOrigin: origin, assets });
  return renderCard(buildCardInput(article, config, c.variant, c.template), { assets, photos, images: env.IMAGES }, { output: 'png' });
}
