import type { Context } from 'hono';
import type { ArticleStore } from './domain/article/article-store';
import type { CardInput } from './domain/card/card-input';
import type { CardObjectStore } from './domain/card/ports';
import type { RenderedCard } from './render/render-card';
import type { EdgeCache } from './adapters/edge-cache';
import type { ShareClickStore } from './domain/share/share-click-store';
import type { SiteConfig } from './domain/site/site-config';
import type { PhotoSource } from './adapters/photo-source';
import type { Env } from './env';

/** What every route finds on the context, set once per request in src/app.ts. */
export interface AppVariables {
  config: SiteConfig;
  articles: ArticleStore;
  shareClicks: ShareClickStore;
  /** Absolute origin of this service (config PUBLIC_URL, else the request's). */
  origin: string;
  /** Article photos for share cards, from the configured hosts only. */
  photos: PhotoSource;
  /** Rendered cards by content hash (R2 `CARDS`), when bound. */
  cardStore?: CardObjectStore;
  /** The Cache API of this data centre, when the runtime has one. */
  edgeCache?: EdgeCache;
  /** Renders a card with this deployment's assets, photos and Images binding. */
  renderCard: (input: CardInput) => Promise<RenderedCard>;
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };
export type AppContext = Context<AppEnv>;
