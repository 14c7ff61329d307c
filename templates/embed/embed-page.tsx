import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import type { EmbedLayout, EmbedModel, EmbedTheme } from '../../src/domain/embed';

interface EmbedDocumentProps {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  theme?: EmbedTheme;
  /** Inline stylesheet and script; the route allows exactly these by hash in its CSP. */
  style: string;
  script: string;
  children: Child;
}

const EmbedDocument: FC<EmbedDocumentProps> = ({ lang, dir, title, theme, style, script, children }) => (
  <>
    {raw('<!doctype html>')}
    <html lang={lang} dir={dir} data-theme={theme}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="strict-origin-when-cross-origin" />
        <title>{title}</title>
        <style>{raw(style)}</style>
      </head>
      <body>
        {children}
        <script>{raw(script)}</script>
      </body>
    </html>
  </>
);

/** "Opens in a new tab" arrow, inline so the card loads nothing for it. */
const OpenIcon: FC = () => (
  <svg class="open" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path fill="none" stroke="currentColor" stroke-width="1.6" d="M9 3h4v4M13 3 7 9M11 9.5V13H3V5h3.5" />
  </svg>
);

const Brand: FC<{ logoUrl: string; siteName: string }> = ({ logoUrl, siteName }) => (
  <footer class="brand">
    <img class="logo" src={logoUrl} alt="" width="22" height="22" />
    <span class="site">{siteName}</span>
    <OpenIcon />
  </footer>
);

export interface EmbedCardProps {
  card: EmbedModel;
  layout: EmbedLayout;
  theme?: EmbedTheme;
  style: string;
  script: string;
}

/**
 * The embeddable article card: photo, label and section, headline (the link, stretched over the whole
 * card), description, byline and date, then the site's logo and name. Self-contained: one inline
 * stylesheet, one inline script, images from this service and the image hosts only.
 */
export const EmbedPage: FC<EmbedCardProps> = ({ card, layout, theme, style, script }) => (
  <EmbedDocument lang={card.lang} dir={card.dir} title={`${card.headline} \u2014 ${card.siteName}`} theme={theme} style={style} script={script}>
    <article class="card" data-layout={layout}>
      {layout === 'full' ? (
        <figure class="photo">
          <img src={card.photo.url} alt={card.photo.alt} width={card.photo.width} height={card.photo.height} decoding="async" />
        </figure>
      ) : null}
      <div class="text">
        <p class="kicker">
          {card.label ? <span class="label">{card.label}</span> : null}
          {/* "OPINION" over the Opinion section says it once. */}
          {card.label?.toLowerCase() === card.section.toLowerCase() ? null : <span class="section">{card.section}</span>}
        </p>
        <h1 class="headline">
          <a href={card.url} target="_blank" rel="noopener" data-open={card.openUrl}>
            {card.headline}
          </a>
        </h1>
        {layout !== 'brief' ? <p class="description">{card.description}</p> : null}
        <p class="meta">
          {card.byline ? (
            <>
              <span class="byline">{card.byline}</span>
              <span class="sep" aria-hidden="true">·</span>
            </>
          ) : null}
          <time datetime={card.dateTime}>{card.date}</time>
        </p>
      </div>
      <Brand logoUrl={card.logoUrl} siteName={card.siteName} />
    </article>
  </EmbedDocument>
);

export interface EmbedUnavailableProps {
  siteName: string;
  siteUrl: string;
  logoUrl: string;
  style: string;
  script: string;
}

/** What an iframe shows when its article is gone (unpublished, deleted or never there). */
export const EmbedUnavailable: FC<EmbedUnavailableProps> = ({ siteName, siteUrl, logoUrl, style, script }) => (
  <EmbedDocument lang="en" dir="ltr" title={`Article not available \u2014 ${siteName}`} style={style} script={script}>
    <article class="card unavailable">
      <div class="text">
        <p class="headline">
          <a href={siteUrl} target="_blank" rel="noopener">
            This article is not available.
          </a>
        </p>
      </div>
      <Brand logoUrl={logoUrl} siteName={siteName} />
    </article>
  </EmbedDocument>
);
