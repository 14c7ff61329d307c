import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** Languages of the newsroom UI. */
export type UiLang = 'en' | 'ja';
const UI_LANGS: readonly UiLang[] = ['en', 'ja'];
const COOKIE = 'presscard_ui_lang';

/**
 * The newsroom UI language: `?lang=` (remembered in a cookie), else the cookie, else the browser's
 * `Accept-Language` (RFC 9110 §12.5.4), else English.
 */
export function uiLang(c: Context): UiLang {
  const asked = c.req.query('lang');
  if (asked && (UI_LANGS as string[]).includes(asked)) {
    setCookie(c, COOKIE, asked, { path: '/newsroom', sameSite: 'Strict', maxAge: 365 * 86400 });
    return asked as UiLang;
  }
  const remembered = getCookie(c, COOKIE);
  if (remembered && (UI_LANGS as string[]).includes(remembered)) return remembered as UiLang;
  return fromAcceptLanguage(c.req.header('accept-language') ?? '');
}

/**
 * The UI language a JSON request asks for (the newsroom page sends its own as `?lang=`), else the
 * cookie, else `Accept-Language`. Unlike `uiLang` it remembers nothing.
 */
export function requestedUiLang(c: Context): UiLang {
  const asked = c.req.query('lang');
  if (asked && (UI_LANGS as string[]).includes(asked)) return asked as UiLang;
  const remembered = getCookie(c, COOKIE);
  if (remembered && (UI_LANGS as string[]).includes(remembered)) return remembered as UiLang;
  return fromAcceptLanguage(c.req.header('accept-language') ?? '');
}

/** The supported language with the highest weight in an Accept-Language value, matched by primary subtag. */
export function fromAcceptLanguage(header: string): UiLang {
  let best: { lang: UiLang; q: number } | undefined;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0] as UiLang;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if ((UI_LANGS as string[]).includes(primary) && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang: primary, q };
  }
  return best?.lang ?? 'en';
}
