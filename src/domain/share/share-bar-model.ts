import { shareHeadline, type Article } from '../article';
import { SHARE_UI_TEXT, shareLanguage, type ShareLanguage, type ShareUiText } from './share-labels';
import { buildShareLinks, NATIVE_SHARE_SOURCE, shareRedirectPath, taggedUrl } from './share-links';
import type { ShareNetworkId, SiteConfig } from '../site';

export interface ShareBarButton {
  network: ShareNetworkId;
  name: string;
  label: string;
  /** The counted redirect on this service, `<origin>/s/<network>/<id>`: what the button links to. */
  href: string;
  /** Networks open a composer in a new window; email and copy stay in this one. */
  newWindow: boolean;
}

/** Everything the share bar template shows, as plain data. */
export interface ShareBarModel {
  articleId: string;
  language: ShareLanguage;
  text: ShareUiText;
  buttons: ShareBarButton[];
  /** What the copy button copies: the canonical URL tagged `utm_source=copy`. */
  copyUrl?: string;
  /** Title and URL handed to the device's share sheet (Web Share API). */
  nativeTitle: string;
  nativeUrl: string;
  accent: string;
  /** Absolute URL of the bar's stylesheet on this service. */
  stylesheet: string;
}

const SAME_WINDOW: ReadonlySet<ShareNetworkId> = new Set(['email', 'copy']);

/** `image`: the article's current share card (Pinterest's `media`). */
export function shareBarModel(article: Article, config: SiteConfig, origin: string, image?: string): ShareBarModel {
  const language = shareLanguage(article.lang);
  const links = buildShareLinks(article, config, { origin, ...(image ? { image } : {}) });
  return {
    articleId: article.id,
    language,
    text: SHARE_UI_TEXT[language],
    buttons: links.map(({ network, name, label }) => ({
      network,
      name,
      label,
      href: origin + shareRedirectPath(network, article.id),
      newWindow: !SAME_WINDOW.has(network),
    })),
    copyUrl: links.find((l) => l.network === 'copy')?.url,
    nativeTitle: shareHeadline(article),
    nativeUrl: taggedUrl(article.url, NATIVE_SHARE_SOURCE, config.utmCampaign),
    accent: config.themeColor,
    stylesheet: `${origin}/static/share-bar.css`,
  };
}
