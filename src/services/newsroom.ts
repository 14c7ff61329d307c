import { isEmbargoed, type Article, type ArticleStore, type StoredArticle } from '../domain/article';
import type { CardVariant } from '../domain/card';
import type { HeadTag } from '../domain/head';
import { applyOverrides, mergeOverrides, OverrideConflictError, type OverrideStore, type SocialFieldEdits, type SocialOverrides, type StoredOverrides } from '../domain/newsroom';
import { buildPreview, countBySeverity, pageTagsFromHead, type CardFacts, type ImageFacts, type Preview, type Severity } from '../domain/preview';
import { dataUri } from '../render/data-uri';
import type { RenderedCard } from '../render/render-card';
import type { ArticleAccess } from './article-access';
import type { CardImages, CardService } from './cards';

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
  headTags(article: Article, cards: CardImages): Promise<HeadTag[]>;
  now?: () => Date;
}

export interface Newsroom {
  /** Newest first; `query` matches the headline. Throws InvalidCursorError for a foreign cursor. */
  list(options: { limit: number; cursor?: string | undefined; query?: string | undefined }): Promise<{ items: NewsroomListItem[]; nextCursor?: string }>;
  /** The article with its overrides and `edits` applied; undefined when there is no such article. */
  load(id: string, edits?: SocialFieldEdits): Promise<NewsroomArticle | undefined>;
  /** Mocks and warnings for every network; `render` also draws the og card (never stored) for its facts. */
  preview(article: NewsroomArticle, options?: { render?: boolean }): Promise<NewsroomPreview>;
  /** Warnings by severity for the list (no render: card facts are left out). */
  warningCounts(article: Article): Promise<Record<Severity, number>>;
  /** Draws a card of the article as edited, for staff only: never written to R2 or the Cache API. */
  renderCard(article: NewsroomArticle, variant: CardVariant): Promise<RenderedCard>;
  /**
   * Saves the overrides when `ifRevision` (0: none saved) is the stored revision, else throws
   * OverrideConflictError with what is stored now.
   */
  save(article: NewsroomArticle, ifRevision: number, by: string): Promise<StoredOverrides>;
  embargoed(article: Article): boolean;
}

export function createNewsroom(deps: NewsroomDeps): Newsroom {
  const now = deps.now ?? (() => new Date());

  async function cardFacts(article: Article): Promise<NonNullable<NewsroomPreview['card']> & { rendered: RenderedCard }> {
    const current = await deps.cards.current(article, 'og');
    const rendered = await deps.cards.render(current.input);
    const headline = rendered.texts.find((t) => t.style === 'headline' && t.text === current.input.headline);
    return {
      rendered,
      bytes: rendered.bytes.length,
      contentType: rendered.contentType,
      ...(rendered.fallback ? { fallback: rendered.fallback } : {}),
      ...(headline ? { headline: { shrunk: headline.fontSize < headline.maxSize, clamped: headline.clamped } } : {}),
    };
  }

  async function previewOf(article: Article, card?: NewsroomPreview['card']) {
    const cards = await deps.cards.images(article);
    const tags = pageTagsFromHead(await deps.headTags(article, cards));
    const og: ImageFacts = { url: cards.og.url, width: cards.og.width, height: cards.og.height, type: card?.contentType ?? cards.og.type, ...(card ? { bytes: card.bytes } : {}) };
    const preview = buildPreview({
      tags,
      images: new Map([[og.url, og]]),
      canonicalHost: new URL(article.url).host,
      status: article.status,
      embargoed: isEmbargoed(article, now()),
      ...(article.embargoUntil ? { embargoUntil: article.embargoUntil } : {}),
      ...(card ? { card } : {}),
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
      const cms = await deps.cmsStore.get(id);
      if (!cms) return undefined;
      const saved = await deps.overrides.get(id);
      const overrides = mergeOverrides(saved?.overrides ?? {}, edits ?? {});
      return { cms, ...(saved ? { saved } : {}), overrides, effective: applyOverrides(cms.article, overrides) };
    },

    async preview(article, options = {}) {
      if (!options.render) return { ...(await previewOf(article.effective)), article };
      const { rendered, ...card } = await cardFacts(article.effective);
      return { ...(await previewOf(article.effective, card)), article, card, cardDataUri: dataUri(rendered.bytes, rendered.contentType) };
    },

    async warningCounts(article) {
      return countBySeverity((await previewOf(article)).warnings);
    },

    async renderCard(article, variant) {
      const current = await deps.cards.current(article.effective, variant);
      return deps.cards.render(current.input);
    },

    save: (article, ifRevision, by) => deps.overrides.put(article.cms.article.id, article.overrides, ifRevision, by),

    embargoed: (article) => isEmbargoed(article, now()),
  };
}
