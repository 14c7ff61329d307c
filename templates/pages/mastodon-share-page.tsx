import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { Article } from '../../src/domain/article';
import type { InstanceProblem, ShareUiText } from '../../src/domain/share';
import type { SiteConfig } from '../../src/domain/site';
import { Layout } from './layout';

export interface MastodonSharePageProps {
  article: Article;
  config: SiteConfig;
  text: ShareUiText;
  language: string;
  /** This page's own path: the form sends `?instance=` back to it. */
  action: string;
  /** What the reader typed, shown again with the problem when it was refused. */
  typed?: string;
  problem?: InstanceProblem;
}

// Remembers the server in this browser only (localStorage; nothing reaches the service but the
// request itself). With a remembered server the page goes straight on, unless the URL asks to
// `change` it; a refused value is forgotten. Without JavaScript the form still works.
const REMEMBER_SCRIPT = `(function () {
  var KEY = 'presscard:mastodon-server';
  var form = document.getElementById('mastodon-server');
  if (!form) return;
  var input = form.elements.instance;
  try {
    if (form.hasAttribute('data-refused')) {
      localStorage.removeItem(KEY);
    } else {
      var saved = localStorage.getItem(KEY);
      if (saved && !/[?&]change(=|&|$)/.test(location.search)) {
        document.documentElement.classList.add('is-sending');
        location.replace(form.action + '?instance=' + encodeURIComponent(saved));
        return;
      }
      if (saved) input.value = saved;
    }
    form.addEventListener('submit', function () {
      localStorage.setItem(KEY, input.value.trim());
    });
  } catch (e) {
    // Storage can be disabled; the form works without it.
  }
})();`;

/** The page behind the Mastodon share button: asks for the reader's server, once per browser. */
export const MastodonSharePage: FC<MastodonSharePageProps> = ({ article, config, text, language, action, typed, problem }) => (
  <Layout
    config={config}
    lang={language}
    title={`${text.mastodonTitle} · ${config.siteName}`}
    head={
      <>
        <meta name="robots" content="noindex, nofollow" />
        <link rel="stylesheet" href="/static/mastodon-share.css" />
      </>
    }
  >
    <section class="mastodon-share">
      <h1>{text.mastodonTitle}</h1>
      <p class="mastodon-share__article" lang={article.lang}>{article.headline}</p>
      <p class="mastodon-share__sending" aria-live="polite">{text.mastodonSending}</p>
      <form id="mastodon-server" method="get" action={action} data-refused={problem ? '' : undefined} novalidate>
        <p>{text.mastodonIntro}</p>
        <label for="instance">{text.mastodonField}</label>
        <input
          id="instance"
          name="instance"
          type="text"
          inputmode="url"
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          placeholder="mastodon.social"
          value={typed ?? ''}
          aria-describedby={problem ? 'instance-problem instance-hint' : 'instance-hint'}
          aria-invalid={problem ? 'true' : undefined}
          autofocus
        />
        <p id="instance-hint" class="hint">{text.mastodonHint}</p>
        {problem ? (
          <p id="instance-problem" class="problem" role="alert">
            {text.invalidInstance[problem]}
          </p>
        ) : null}
        <button type="submit">{text.mastodonSubmit}</button>
        <p class="hint">{text.mastodonRemember}</p>
      </form>
      <script>{raw(REMEMBER_SCRIPT)}</script>
    </section>
  </Layout>
);
