import { articleSchema, type ArticleInput } from '../../src/domain/article';
import { buildCardInput, type CardTemplate, type CardVariant } from '../../src/domain/card';
import type { RenderedCard } from '../../src/render/render-card';
import { createServices, type ServiceBindings } from '../../src/services';

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

/**
 * Renders a golden case exactly as the card route would (the same services, built from the same
 * bindings), but always as the PNG straight from resvg (a JPEG would make the comparison depend on
 * the encoder). Fixture photos come from the static assets.
 */
export function renderGolden(env: ServiceBindings, origin: string, c: GoldenCase): Promise<RenderedCard> {
  const { cards, config } = createServices(env, { origin });
  const article = articleSchema.parse(c.fixture);
  return cards.render(buildCardInput(article, config, c.variant, c.template), { output: 'png' });
}
