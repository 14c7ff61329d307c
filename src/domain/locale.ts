// og:locale takes language_TERRITORY (ogp.me "og:locale"); articles carry BCP 47 tags.
const TERRITORY: Record<string, string> = {
  en: 'en_US', ja: 'ja_JP', ko: 'ko_KR', zh: 'zh_CN', 'zh-hans': 'zh_CN', 'zh-cn': 'zh_CN',
  'zh-hant': 'zh_TW', 'zh-tw': 'zh_TW', 'zh-hk': 'zh_HK', fr: 'fr_FR', de: 'de_DE', es: 'es_ES',
};

export function ogLocale(lang: string): string {
  const lower = lang.toLowerCase();
  const exact = TERRITORY[lower];
  if (exact) return exact;
  const [language, region] = lang.split('-');
  if (region && /^[A-Za-z]{2}$/.test(region)) return `${language!.toLowerCase()}_${region.toUpperCase()}`;
  return TERRITORY[language!.toLowerCase()] ?? `${language!.toLowerCase()}_${language!.toUpperCase()}`;
}

/** Right-to-left scripts, for the `dir` attribute of pages and embeds. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  return /^(ar|fa|he|iw|ur|ps|sd|yi|dv|ug)(-|$)/i.test(lang) ? 'rtl' : 'ltr';
}

/** Date as readers of the article's language write it, e.g. "June 14, 2018" or "2018年6月14日". */
export function formatArticleDate(iso: string, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(new Date(iso));
}
