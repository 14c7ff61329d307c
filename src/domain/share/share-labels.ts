import type { ShareNetworkId } from '../site';

/** Languages the share UI speaks; every other article language gets English. */
export type ShareLanguage = 'en' | 'ja';

export function shareLanguage(articleLang: string): ShareLanguage {
  return /^ja(-|$)/i.test(articleLang) ? 'ja' : 'en';
}

/** `name` is shown on the button; `label` is its accessible name and the JSON API's label. */
export interface NetworkLabel {
  name: string;
  label: string;
}

const en = (name: string, label = `Share on ${name}`): NetworkLabel => ({ name, label });
const ja = (name: string, label = `${name}でシェア`): NetworkLabel => ({ name, label });

export const NETWORK_LABELS: Record<ShareLanguage, Record<ShareNetworkId, NetworkLabel>> = {
  en: {
    x: en('X'),
    facebook: en('Facebook'),
    linkedin: en('LinkedIn'),
    line: en('LINE', 'Send with LINE'),
    hatena: en('Hatena Bookmark', 'Add to Hatena Bookmark'),
    reddit: en('Reddit'),
    bluesky: en('Bluesky'),
    mastodon: en('Mastodon'),
    threads: en('Threads'),
    whatsapp: en('WhatsApp', 'Send with WhatsApp'),
    telegram: en('Telegram', 'Send with Telegram'),
    pinterest: en('Pinterest', 'Save to Pinterest'),
    email: en('Email', 'Send by email'),
    copy: en('Copy link', 'Copy the link to this article'),
  },
  ja: {
    x: ja('X', 'Xでポスト'),
    facebook: ja('Facebook'),
    linkedin: ja('LinkedIn'),
    // LINE's own button reads 「LINEで送る」.
    line: ja('LINE', 'LINEで送る'),
    hatena: ja('はてブ', 'はてなブックマークに追加'),
    reddit: ja('Reddit'),
    bluesky: ja('Bluesky'),
    mastodon: ja('Mastodon'),
    threads: ja('Threads'),
    whatsapp: ja('WhatsApp', 'WhatsAppで送る'),
    telegram: ja('Telegram', 'Telegramで送る'),
    pinterest: ja('Pinterest', 'Pinterestに保存'),
    email: ja('メール', 'メールで送る'),
    copy: ja('リンクをコピー', 'この記事のリンクをコピー'),
  },
};

/** The rest of the share bar's and the Mastodon page's words. */
export interface ShareUiText {
  barLabel: string;
  copied: string;
  copyFailed: string;
  nativeShare: string;
  nativeShareLabel: string;
  opensInNewWindow: string;
  mastodonTitle: string;
  mastodonIntro: string;
  mastodonField: string;
  mastodonHint: string;
  mastodonSubmit: string;
  mastodonRemember: string;
  mastodonSending: string;
  invalidInstance: Record<'empty' | 'url' | 'account' | 'port' | 'not-a-host', string>;
}

export const SHARE_UI_TEXT: Record<ShareLanguage, ShareUiText> = {
  en: {
    barLabel: 'Share this article',
    copied: 'Link copied',
    copyFailed: 'Copy this link:',
    nativeShare: 'Share…',
    nativeShareLabel: 'Share with an app on this device',
    opensInNewWindow: '(opens in a new window)',
    mastodonTitle: 'Share on Mastodon',
    mastodonIntro: 'Mastodon is made of many servers. Which one is your account on?',
    mastodonField: 'Your Mastodon server',
    mastodonHint: 'Only the server name, for example mastodon.social',
    mastodonSubmit: 'Continue to my server',
    mastodonRemember: 'This browser remembers your server for next time; nothing is stored on our side.',
    mastodonSending: 'Opening your server…',
    invalidInstance: {
      empty: 'Type the name of your Mastodon server.',
      url: 'Type only the server name, without https:// or a path, for example mastodon.social.',
      account: 'Type the server name, not your account: for @you@mastodon.social type mastodon.social.',
      port: 'Type the server name without a port number.',
      'not-a-host': 'That is not a server name. It looks like mastodon.social or example.org.',
    },
  },
  ja: {
    barLabel: 'この記事をシェア',
    copied: 'リンクをコピーしました',
    copyFailed: 'このリンクをコピーしてください:',
    nativeShare: '共有…',
    nativeShareLabel: 'この端末のアプリで共有',
    opensInNewWindow: '（新しいウィンドウで開きます）',
    mastodonTitle: 'Mastodonでシェア',
    mastodonIntro: 'Mastodonは多数のサーバーからなります。あなたのアカウントがあるサーバーはどれですか？',
    mastodonField: 'あなたのMastodonサーバー',
    mastodonHint: 'サーバー名のみ（例: mastodon.social）',
    mastodonSubmit: '自分のサーバーへ進む',
    mastodonRemember: 'サーバー名はこのブラウザーにだけ保存され、次回から使われます。',
    mastodonSending: 'サーバーを開いています…',
    invalidInstance: {
      empty: 'Mastodonサーバーの名前を入力してください。',
      url: 'https:// やパスを付けず、サーバー名だけを入力してください（例: mastodon.social）。',
      account: 'アカウントではなくサーバー名を入力してください（@you@mastodon.social なら mastodon.social）。',
      port: 'ポート番号を付けずにサーバー名を入力してください。',
      'not-a-host': 'サーバー名ではありません。mastodon.social や example.org のような形です。',
    },
  },
};
