import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import type { SiteConfig } from '../../src/domain/site';

export interface LayoutProps {
  config: SiteConfig;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Elements for `<head>`; a `<title>` among them replaces the default. */
  head?: Child;
  title?: string;
  children?: Child;
}

export const Layout: FC<LayoutProps> = ({ config, lang = 'en', dir = 'ltr', head, title, children }) => (
  <>
    {raw('<!doctype html>')}
    <html lang={lang} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {title ? <title>{title}</title> : null}
        {head}
        <link rel="stylesheet" href="/static/page.css" />
        <link rel="icon" href={config.logoPath} />
      </head>
      <body>
        <header class="site-header">
          <a href="/" class="site-name">
            <img src={config.logoPath} alt="" width="32" height="32" />
            <span>{config.siteName}</span>
          </a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  </>
);
