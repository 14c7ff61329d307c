import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import type { UiLang } from '../../src/http/ui-lang';
import { stringsFor } from './strings';

export interface NewsroomLayoutProps {
  lang: UiLang;
  title: string;
  /** The session's anti-CSRF token, read by the page script for state-changing requests. */
  csrf?: string;
  /** Signed-in staff name; absent on the sign-in page. */
  staffName?: string;
  /** Path of this page, for the language switch. */
  path: string;
  scripts?: string[];
  children?: Child;
}

/** The newsroom's pages: a header with the language switch and sign-out, never indexed. */
export const NewsroomLayout: FC<NewsroomLayoutProps> = ({ lang, title, csrf, staffName, path, scripts = [], children }) => {
  const t = stringsFor(lang);
  const other = lang === 'en' ? { lang: 'ja', label: '日本語' } : { lang: 'en', label: 'English' };
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex, nofollow" />
          {csrf ? <meta name="csrf-token" content={csrf} /> : null}
          <title>{`${title} · ${t.newsroom}`}</title>
          <link rel="stylesheet" href="/static/newsroom.css" />
        </head>
        <body>
          <header class="nr-header">
            <a href="/newsroom" class="nr-home">{t.newsroom}</a>
            <nav aria-label={t.language} class="nr-nav">
              <a href={`${path}?lang=${other.lang}`} hreflang={other.lang} lang={other.lang}>{other.label}</a>
              {staffName ? (
                <form method="post" action="/newsroom/sign-out" class="nr-inline">
                  <input type="hidden" name="_csrf" value={csrf ?? ''} />
                  <span class="nr-who">{staffName}</span> <button type="submit">{t.signOut}</button>
                </form>
              ) : null}
            </nav>
          </header>
          <main id="main">{children}</main>
          {scripts.map((s) => <script type="module" src={s}></script>)}
        </body>
      </html>
    </>
  );
};
