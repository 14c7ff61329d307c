import type { FC } from 'hono/jsx';
import type { UiLang } from '../../src/http/ui-lang';
import { NewsroomLayout } from './newsroom-layout';
import { stringsFor } from './strings';

/** The sign-in form: STAFF_TOKEN and a display name; `next` is where to go afterwards. */
export const SignInPage: FC<{ lang: UiLang; next: string; failed?: boolean }> = ({ lang, next, failed }) => {
  const t = stringsFor(lang);
  return (
    <NewsroomLayout lang={lang} title={t.signIn} path="/newsroom/sign-in">
      <h1>{t.signIn}</h1>
      <p>{t.signInIntro}</p>
      {failed ? <p role="alert" class="nr-error">{t.wrongToken}</p> : null}
      <form method="post" action="/newsroom/sign-in" class="nr-form">
        <input type="hidden" name="next" value={next} />
        <label for="token">{t.token}</label>
        <input id="token" name="token" type="password" required autocomplete="current-password" />
        <label for="name">{t.yourName}</label>
        <input id="name" name="name" type="text" maxlength={80} autocomplete="name" />
        <button type="submit">{t.signIn}</button>
      </form>
    </NewsroomLayout>
  );
};
