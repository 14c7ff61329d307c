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

/** Date and time, e.g. "March 20, 2026 at 4:05 PM" or "2026年3月20日 16:05", for update notes. */
export function formatArticleDateTime(iso: string, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));
}

const UPDATED: Record<string, string> = { ja: '更新', ko: '수정', zh: '更新' };

/** The word before an update time, in the article's language (English elsewhere). */
export function updatedLabel(lang: string): string {
  return UPDATED[lang.split('-')[0]!.toLowerCase()] ?? 'updated';
}
