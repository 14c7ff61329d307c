// A Worker that renders golden cases on request, for scripts/golden-update.mjs (started with wrangler's
// unstable_startWorker, so the rendering runs in workerd with the same bindings as the tests).
import type { ArticleInput } from '../../src/domain/article';
import { isCardTemplate, isCardVariant } from '../../src/domain/card';
import { renderGolden } from './render-golden';

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method !== 'POST') return new Response('POST {fixture, template, variant}', { status: 405 });
    const { fixture, template, variant } = (await request.json()) as { fixture: ArticleInput; template: string; variant: string };
    if (!isCardTemplate(template) || !isCardVariant(variant)) return new Response('bad case', { status: 400 });
    const card = await renderGolden(env, new URL(request.url).origin, { fixture, template, variant });
    return new Response(card.bytes, { headers: { 'content-type': card.contentType, 'x-card-template': card.template } });
  },
} satisfies ExportedHandler<Env>;
