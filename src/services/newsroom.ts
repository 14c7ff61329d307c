import { isEmbargoed, type Article, type ArticleStore, type StoredArticle } from '../domain/article';
import type { CardVariant } from '../domain/card';
import type { HeadTag } from '../domain/head';
import { applyOverrides, mergeOverrides, OverrideConflictError, type OverrideStore, type SocialFieldEdits, type SocialOverrides, type StoredOverrides } from '../domain/newsroom';
import { buildPreview, countBySeverity, pageTagsFromHead, type CardFacts, type ImageFacts, type MeasureWidth, type MessageLang, type PageTags, type Preview, type Severity } from '../domain/preview';
import { dataUri } from '../render/data-uri';
import type { RenderedCard } from '../render/render-card';
import type { ArticleAccess } from './article-access';
import type { CardImages, CardService } from './cards';
import type { Publishing } from './publishing';
import type { StaffRenders } from './staff-renders';

export { OverrideConflictError };

/** One article as the newsroom list shows it. */
export interface NewsroomListItem {
  stored: StoredArticle;
  embargoed: boolean;
}

/** An article in the newsroom: the CMS's document, the newsroom's saved overrides, what networks get. */
export interface NewsroomArticle {
  cms: StoredArticle;
  saved?: StoredOverrides;
  /** The CMS document with the saved overrides (and any unsaved edits) applied. */
  effective: Article;
  /** Overrides after the edits (what a save would store). */
  overrides: SocialOverrides;
}

export interface NewsroomPreview extends Preview {
  article: NewsroomArticle;
  /** The public card URLs the page's tags name. */
  cards: CardImages;
  /** What the renderer reported for the og card (absent when the preview did not render it). */
  card?: CardFacts & { bytes: number; contentType: string };
  /** The og card as drawn for this preview, as a data: URL (so the page needs no second render). */
  cardDataUri?: string;
}

export interface NewsroomDeps {
  articles: ArticleAccess;
  /** The CMS's documents, without overrides. */
  cmsStore: ArticleStore;
  overrides: OverrideStore;
  cards: CardService;
  /** Queues the pre-render of the cards a save changed (the same planning as an ingest write). */
  publishing?: Pick<Publishing, 'overridesSaved'>;
  headTags(article: Article, cards: CardImages): Promise<HeadTag[]>;
  /**
   * Text widths of the bundled sans faces for `text` in `lang` (the card renderer's fonts), for the
   * "lines at a pixel width" rules; without it the estimate of src/domain/preview/units.ts applies.
   */
  textMeasurer?: (text: string, lang: string) => Promise<MeasureWidth>;
  /** Recent staff renders kept across requests (src/services/staff-renders.ts); none: every preview renders. */
  renders?: StaffRenders;
  now?: () => Date;
}

export interface Newsroom {
  /** Newest first; `query` matches the headline. Throws InvalidCursorError for a foreign cursor. */
  list(options: { limit: number; cursor?: string | undefined; query?: string | undefined }): Promise<{ items: NewsroomListItem[]; nextCursor?: string }>;
  /** The article with its overrides and `edits` applied; undefined when there is no such article. */
  load(id: string, edits?: SocialFieldEdits): Promise<NewsroomArticle | undefined>;
  /**
   * Mocks and warnings for every network; `render` also draws the og card (never stored) for its facts;
   * `lang` is the language of the warnings' messages. A published article whose stored card fell back
   * (final photo failure) is warned about either way.
   */
  preview(article: NewsroomArticle, options?: { render?: boolean; lang?: MessageLang }): Promise<NewsroomPreview>;
  /** Warnings by severity for the list (no render: card facts are left out). */
  warningCounts(article: Article): Promise<Record<Severity, number>>;
  /** Draws a card of the article as edited, for staff only: never written to R2 or the Cache API. */
  renderCard(article: NewsroomArticle, variant: CardVariant): Promise<RenderedCard>;
  /**
   * Saves the overrides when `ifRevision` (0: none saved) is the stored revision, else throws
   * OverrideConflictError with what is stored now. Once saved, the public tags and card hash change
   * (every reader sees the overrides) and the new cards of a published article are queued for pre-render.
   */
  save(article: NewsroomArticle, ifRevision: number, by: string): Promise<StoredOverrides>;
  embargoed(article: Article): boolean;
}

/** Every text a network may show from the page's tags (the fonts to load for measuring them). */
function textsOf(tags: PageTags): string {
  const values = [tags.title ?? '', ...tags.jsonLd.flatMap((j) => [j.headline ?? '', j.description ?? ''])];
  for (const key of ['og:title', 'og:description', 'twitter:title', 'twitter:description', 'description', 'og:site_name']) values.push(...(tags.meta.get(key) ?? []));
  return values.join('\n');
}

export function createNewsroom(deps: NewsroomDeps): Newsroom {
  const now = deps.now ?? (() => new Date());

  /** A staff render of the article's current card (kept across requests when `deps.renders` is set). */
  async function draw(article: Article, variant: CardVariant) {
    const current = await deps.cards.current(article, variant);
    const render = () => deps.cards.render(current.input);
    return { current, rendered: await (deps.renders ? deps.renders.get(current.key, render) : render()) };
  }

  async function cardFacts(article: Article): Promise<NonNullable<NewsroomPreview['card']> & { rendered: RenderedCard }> {
    const { current, rendered } = await draw(article, 'og');
    const headline = rendered.texts.find((t) => t.style === 'headline' && t.text === current.input.headline);
    return {
      rendered,
      bytes: rendered.bytes.length,
      contentType: rendered.contentType,
      ...(rendered.fallback ? { fallback: rendered.fallback } : {}),
      ...(headline ? { headline: { shrunk: headline.fontSize < headline.maxSize, clamped: headline.clamped } } : {}),
    };
  }

  /**
   * The preview of an article; `card` (a render under way) is awaited last, so the reads and the
   * measuring here overlap it.
   */
  async function previewOf(article: Article, card?: Promise<CardFacts & { bytes?: number; contentType?: string }>, lang?: MessageLang) {
    const [cards, storedFallback] = await Promise.all([
      deps.cards.images(article),
      // The card crawlers get: a render job may have stored it without its photo for good.
      article.status === 'published' ? deps.cards.storedPhotoFallback(article, 'og') : undefined,
    ]);
    const tags = pageTagsFromHead(await deps.headTags(article, cards));
    const measureWidth = await deps.textMeasurer?.(textsOf(tags), article.lang);
    const drawn = await card;
    const facts: CardFacts | undefined = drawn || storedFallback ? { ...drawn, ...(storedFallback ? { storedFallback } : {}) } : undefined;
    const og: ImageFacts = { url: cards.og.url, width: cards.og.width, height: cards.og.height, type: drawn?.contentType ?? cards.og.type, ...(drawn?.bytes !== undefined ? { bytes: drawn.bytes } : {}) };
    const preview = buildPreview({
      tags,
      images: new Map([[og.url, og]]),
      canonicalHost: new URL(article.url).host,
      status: article.status,
      embargoed: isEmbargoed(article, now()),
      ...(article.embargoUntil ? { embargoUntil: article.embargoUntil } : {}),
      ...(facts ? { card: facts } : {}),
      ...(lang ? { lang } : {}),
      ...(measureWidth ? { measureWidth } : {}),
    });
    return { ...preview, cards };
  }

  return {
    async list({ limit, cursor, query }) {
      // Stored text is NFC (docs/text-rendering.md): a query typed or pasted decomposed must match it.
      const page = await deps.articles.list({ limit, cursor, audience: 'staff', headlineContains: query?.normalize('NFC').trim() || undefined });
      return {
        items: page.items.map((stored) => ({ stored, embargoed: isEmbargoed(stored.article, now()) })),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    },

    async load(id, edits) {
      // Two independent reads: one round trip to D1 instead of two in a row.
      const [cms, saved] = await Promise.all([deps.cmsStore.get(id), deps.overrides.get(id)]);
      if (!cms) return undefined;
      const overrides = mergeOverrides(saved?.overrides ?? {}, edits ?? {});
      return { cms, ...(saved ? { saved } : {}), overrides, effective: applyOverrides(cms.article, overrides) };
    },

    async preview(article, options = {}) {
      if (!options.render) return { ...(await previewOf(article.effective, undefined, options.lang)), article };
      const facts = cardFacts(article.effective);
      // Rendering is CPU work and the rest mostly waits on I/O: started together, they overlap.
      const [preview, { rendered, ...card }] = await Promise.all([previewOf(article.effective, facts, options.lang), facts]);
      return { ...preview, article, card, cardDataUri: dataUri(rendered.bytes, rendered.contentType) };
    },

    async warningCounts(article) {
      return countBySeverity((await previewOf(article)).warnings);
    },

    async renderCard(article, variant) {
      return (await draw(article.effective, variant)).rendered;
    },

    async save(article, ifRevision, by) {
      const saved = await deps.overrides.put(article.cms.article.id, article.overrides, ifRevision, by);
      const before = applyOverrides(article.cms.article, article.saved?.overrides ?? {});
      await deps.publishing?.overridesSaved(before, applyOverrides(article.cms.article, saved.overrides));
      return saved;
    },

    embargoed: (article) => isEmbargoed(article, now()),
  };
}
