import type { MessageLang } from '../warning-messages';
import type { NetworkId, NetworkProfile } from '../profile';

/**
 * The profiles' prose in Japanese: how each network's cache refreshes (`cache.refresh`, shown after a
 * save). The English text and every source stay in the profile; a translation never changes a figure.
 */
export const CACHE_REFRESH_JA: Record<NetworkId, string> = {
  facebook: '約24時間ごとに再取得。シェアデバッガーまたはGraph APIのscrapeで即時に再取得',
  x: 'カードは約7日ごとに再取得',
  linkedin: '約7日間キャッシュ。Post Inspectorで更新',
  slack: 'URLごとに約30分キャッシュ',
  discord: '埋め込みプロキシが約30分キャッシュ',
  whatsapp: 'デバッガーなし。変更が見えるのは新しいURLを新たに共有したときだけ',
  line: 'Page Pokerでサーバーのキャッシュは消えるが、アプリは独自に保持',
  imessage: '端末ごとにキャッシュ。更新ツールなし',
  mastodon: '各インスタンスが2週間より古いカードを再取得',
  bluesky: '更新されない。カードは投稿レコードの一部',
  telegram: '期限なし。@WebpageBotで再クロールできるが、送信済みのメッセージは古いカードのまま',
  threads: 'Metaのクローラーのキャッシュを共有（シェアデバッガー）',
  'google-search': '次のクロール時。URL検査で依頼できる',
  'google-discover': '次のクロール時',
};

/** A profile with its prose in `lang` (figures and sources unchanged). */
export function localisedProfile(profile: NetworkProfile, lang: MessageLang): NetworkProfile {
  if (lang === 'en') return profile;
  return { ...profile, cache: { ...profile.cache, refresh: { ...profile.cache.refresh, value: CACHE_REFRESH_JA[profile.id] } } };
}
