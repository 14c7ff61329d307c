/**
 * The language of an extracted article: declared (JSON-LD `inLanguage`, `og:locale`, `<html lang>`,
 * as Mastodon's link_details_extractor reads them) or else guessed from the headline's script.
 * Returns a BCP 47 tag in the form the article schema accepts.
 */
export function normaliseLanguageTag(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const parts = raw.trim().replace(/_/g, '-').split('-').filter(Boolean);
  if (!parts[0] || !/^[a-z]{2,3}$/i.test(parts[0])) return undefined;
  const out = [parts[0].toLowerCase()];
  for (const p of parts.slice(1)) {
    if (!/^[a-z0-9]{2,8}$/i.test(p)) break;
    // Script subtags title-case (Hant), regions upper-case (US): RFC 5646 §2.1.1 conventions.
    out.push(p.length === 4 ? p[0]!.toUpperCase() + p.slice(1).toLowerCase() : p.length === 2 ? p.toUpperCase() : p);
  }
  const tag = out.join('-');
  // Chinese regions imply a script (zh_TW is Traditional); elsewhere og:locale en_US means the
  // language en, and the article keeps language + script only.
  const chinese: Record<string, string> = { 'zh-TW': 'zh-Hant', 'zh-HK': 'zh-Hant', 'zh-MO': 'zh-Hant', 'zh-CN': 'zh-Hans', 'zh-SG': 'zh-Hans' };
  return chinese[tag] ?? tag.replace(/-[A-Z]{2}$/, '');
}

/** Guess from the characters: kana means Japanese, Hangul Korean, Han alone Chinese, else undefined. */
export function languageFromScript(text: string): string | undefined {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  if (/\p{Script=Hangul}/u.test(text)) return 'ko';
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  return undefined;
}
