import type { FC } from 'hono/jsx';
import type { Article } from '../../src/domain/article';
import type { SocialOverrides } from '../../src/domain/newsroom';
import type { UiLang } from '../../src/http/ui-lang';
import { NewsroomLayout } from './newsroom-layout';
import { stringsFor } from './strings';

export interface PreviewPageProps {
  lang: UiLang;
  csrf?: string;
  staffName: string;
  /** The CMS's document (placeholders show its values). */
  cms: Article;
  overrides: SocialOverrides;
  etag: string;
}

/**
 * `/newsroom/articles/:id`: the social fields form, warnings, a mock per network and "fetch as each
 * crawler". The mocks and warnings are drawn by /newsroom.js from the preview JSON, and again after
 * every edit (debounced).
 */
export const PreviewPage: FC<PreviewPageProps> = ({ lang, csrf, staffName, cms, overrides, etag }) => {
  const t = stringsFor(lang);
  const photo = cms.image;
  const focal = overrides.focalPoint ?? photo?.focalPoint ?? { x: 0.5, y: 0.5 };
  const config = { id: cms.id, etag, lang, strings: t, hasPhoto: Boolean(photo) };
  return (
    <NewsroomLayout lang={lang} title={cms.headline} path={`/newsroom/articles/${cms.id}`} staffName={staffName} scripts={['/newsroom.js']} {...(csrf ? { csrf } : {})}>
      <script type="application/json" id="nr-config" dangerouslySetInnerHTML={{ __html: JSON.stringify(config).replace(/</g, '\\u003c') }}></script>
      <h1 lang={cms.lang}>{cms.headline}</h1>
      <p class="nr-meta">
        <span class={`nr-status nr-status-${cms.status}`}>{cms.status === 'draft' ? t.draft : t.published}</span>{' '}
        {cms.embargoUntil ? <span class="nr-status nr-status-embargo">{t.embargoed} <time datetime={cms.embargoUntil}>{cms.embargoUntil.slice(0, 16).replace('T', ' ')} UTC</time></span> : null}{' '}
        <a href={cms.url}>{cms.url}</a>
      </p>
      <div class="nr-preview">
        <section class="nr-edit" aria-labelledby="edit-h">
          <h2 id="edit-h">{t.socialFields}</h2>
          <form id="nr-form" class="nr-form" novalidate>
            <label for="f-socialHeadline">{t.socialHeadline} <output id="c-socialHeadline" class="nr-count"></output></label>
            <input id="f-socialHeadline" name="socialHeadline" lang={cms.lang} maxlength={120} value={overrides.socialHeadline ?? ''} placeholder={cms.socialHeadline ?? cms.headline} />
            <label for="f-socialDescription">{t.socialDescription} <output id="c-socialDescription" class="nr-count"></output></label>
            <textarea id="f-socialDescription" name="socialDescription" lang={cms.lang} maxlength={300} rows={3} placeholder={cms.socialDescription ?? cms.description}>{overrides.socialDescription ?? ''}</textarea>
            <label for="f-cardTemplate">{t.cardTemplate}</label>
            <select id="f-cardTemplate" name="cardTemplate">
              <option value="" selected={!overrides.cardTemplate}>{t.templateDefault}</option>
              <option value="photo" selected={overrides.cardTemplate === 'photo'}>{t.templatePhoto}</option>
              <option value="text" selected={overrides.cardTemplate === 'text'}>{t.templateText}</option>
            </select>
            <label for="f-label">{t.label}</label>
            <input id="f-label" name="label" maxlength={24} value={overrides.label ?? ''} placeholder={cms.label ?? ''} />
            <label for="f-socialImageAlt">{t.socialImageAlt}</label>
            <input id="f-socialImageAlt" name="socialImageAlt" lang={cms.lang} maxlength={420} value={overrides.socialImageAlt ?? ''} />
            {photo ? (
              <fieldset class="nr-focal">
                <legend>{t.focalPoint}</legend>
                <p id="focal-help" class="nr-help">{t.focalHelp}</p>
                <div class="nr-focal-photo" id="focal-photo">
                  <img src={photo.url} alt={photo.alt} width={photo.width} height={photo.height} />
                  <span class="nr-focal-mark" id="focal-mark" aria-hidden="true" style={`left:${focal.x * 100}%;top:${focal.y * 100}%`}></span>
                </div>
                <label for="f-focalX">{t.focalX}</label>
                <input id="f-focalX" name="focalX" type="number" min="0" max="1" step="0.01" value={String(focal.x)} aria-describedby="focal-help" />
                <label for="f-focalY">{t.focalY}</label>
                <input id="f-focalY" name="focalY" type="number" min="0" max="1" step="0.01" value={String(focal.y)} aria-describedby="focal-help" />
              </fieldset>
            ) : null}
            <button type="submit" id="nr-save">{t.save}</button>
          </form>
          <p id="nr-status" role="status" aria-live="polite" class="nr-live"></p>
          <div id="nr-alert" role="alert" class="nr-alert"></div>
          <section aria-labelledby="after-h" id="nr-after" hidden>
            <h3 id="after-h">{t.afterSave}</h3>
            <ul id="nr-after-list"></ul>
          </section>
          <section aria-labelledby="warn-h">
            <h2 id="warn-h">{t.warnings}</h2>
            <ul id="nr-warnings" class="nr-warnings"></ul>
          </section>
        </section>
        <section class="nr-mocks" aria-labelledby="mocks-h">
          <h2 id="mocks-h">{t.networks}</h2>
          <fieldset class="nr-modes">
            <legend>{t.appearance}</legend>
            <label><input type="radio" name="mode" value="light" checked /> {t.lightMode}</label>
            <label><input type="radio" name="mode" value="dark" /> {t.darkMode}</label>
          </fieldset>
          <div id="nr-cards" class="nr-cards"></div>
        </section>
      </div>
      <section aria-labelledby="crawl-h" class="nr-crawl">
        <h2 id="crawl-h">{t.crawl}</h2>
        <button type="button" id="nr-crawl-run">{t.crawlRun}</button>
        <div id="nr-crawl"></div>
      </section>
    </NewsroomLayout>
  );
};
