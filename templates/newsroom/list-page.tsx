import type { FC } from 'hono/jsx';
import type { UiLang } from '../../src/http/ui-lang';
import { NewsroomLayout } from './newsroom-layout';
import { stringsFor } from './strings';

/** One row of the newsroom list. */
export interface NewsroomRow {
  id: string;
  headline: string;
  status: 'published' | 'draft';
  /** UTC ISO, when an embargo still holds. */
  embargoUntil?: string;
  publishedAt: string;
  thumbnailUrl: string;
  /** Warnings by severity; absent when the preview could not be computed. */
  warnings?: { error: number; warning: number; info: number };
}

export interface ListPageProps {
  lang: UiLang;
  csrf?: string;
  staffName: string;
  rows: NewsroomRow[];
  query: string;
  nextCursor?: string;
}

/** `/newsroom`: every article, newest first, with status, card thumbnail and warnings by severity. */
export const ListPage: FC<ListPageProps> = ({ lang, csrf, staffName, rows, query, nextCursor }) => {
  const t = stringsFor(lang);
  const nextHref = nextCursor ? `/newsroom?cursor=${encodeURIComponent(nextCursor)}${query ? `&q=${encodeURIComponent(query)}` : ''}` : undefined;
  return (
    <NewsroomLayout lang={lang} title={t.articles} path="/newsroom" staffName={staffName} {...(csrf ? { csrf } : {})}>
      <h1>{t.articles}</h1>
      <form method="get" action="/newsroom" role="search" class="nr-search">
        <label for="q">{t.search}</label>
        <input id="q" name="q" type="search" value={query} />
        <button type="submit">{t.search}</button>
      </form>
      {rows.length === 0 ? <p>{t.noArticles}</p> : (
        <table class="nr-list">
          <thead>
            <tr><th scope="col">{t.card}</th><th scope="col">{t.headline}</th><th scope="col">{t.status}</th><th scope="col">{t.warnings}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr data-article={r.id}>
                <td><img src={r.thumbnailUrl} alt="" width="120" height="63" loading="lazy" /></td>
                <td><a href={`/newsroom/articles/${encodeURIComponent(r.id)}`}>{r.headline}</a><br /><time datetime={r.publishedAt}>{r.publishedAt.slice(0, 16).replace('T', ' ')}</time></td>
                <td>
                  <span class={`nr-status nr-status-${r.status}`}>{r.status === 'draft' ? t.draft : t.published}</span>
                  {r.embargoUntil ? <><br /><span class="nr-status nr-status-embargo">{t.embargoed} <time datetime={r.embargoUntil}>{r.embargoUntil.slice(0, 16).replace('T', ' ')} UTC</time></span></> : null}
                </td>
                <td class="nr-counts">{r.warnings ? <>
                  <span class="nr-sev nr-sev-error" title={t.error}>{r.warnings.error} {t.error}</span>{' '}
                  <span class="nr-sev nr-sev-warning" title={t.warning}>{r.warnings.warning} {t.warning}</span>{' '}
                  <span class="nr-sev nr-sev-info" title={t.info}>{r.warnings.info} {t.info}</span>
                </> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextHref ? <p><a href={nextHref} rel="next">{t.next}</a></p> : null}
    </NewsroomLayout>
  );
};
