import type { CountUnit } from './units';

/** Languages the newsroom shows warnings in (the UI's languages, docs/newsroom.md). */
export type MessageLang = 'en' | 'ja';
export const MESSAGE_LANGS: readonly MessageLang[] = ['en', 'ja'];

/**
 * What a warning's message is built from: `{networks}` the networks' names, `{cuts}` each network
 * with its limit and unit, `{reason}` why the card has no photo, `{until}` the embargo's end (ISO 8601).
 */
export interface MessageParams {
  networks?: string[];
  cuts?: { network: string; limit: number; unit: CountUnit | 'lines' }[];
  reason?: string;
  until?: string;
}

/**
 * Every warning's message in every UI language, keyed by its stable code (`WARNING_CODES`,
 * src/domain/preview/warnings.ts). `{name}` is filled from `MessageParams`.
 */
export const WARNING_MESSAGES = {
  'title-missing': {
    en: 'No title tag these networks read: {networks}.',
    ja: '次のSNSが読むタイトルのタグがありません：{networks}。',
  },
  'title-truncated': {
    en: 'The title is cut on {cuts}.',
    ja: 'タイトルが途中で切れます：{cuts}。',
  },
  'description-truncated': {
    en: 'The description is cut on {cuts}.',
    ja: '説明文が途中で切れます：{cuts}。',
  },
  'image-missing': {
    en: 'No image tag these networks read: {networks}.',
    ja: '次のSNSが読む画像のタグがありません：{networks}。',
  },
  'image-over-byte-budget': {
    en: 'The image is over the byte budget of {networks}.',
    ja: '画像のファイルサイズが次のSNSの上限を超えています：{networks}。',
  },
  'image-under-large-size': {
    en: 'The image is under the large-card size of {networks}; they draw a small thumbnail.',
    ja: '画像が次のSNSの大きなカードの最小サイズに届かず、小さなサムネイルで表示されます：{networks}。',
  },
  'image-type-refused': {
    en: '{networks} refuse this image type.',
    ja: '次のSNSはこの画像形式を受け付けません：{networks}。',
  },
  'image-alt-missing': {
    en: 'The image has no alt text (og:image:alt, twitter:image:alt) for screen readers.',
    ja: '画像に代替テキスト（og:image:alt、twitter:image:alt）がなく、スクリーンリーダーで読み上げられません。',
  },
  'og-jsonld-mismatch': {
    en: 'JSON-LD and Open Graph disagree: Mastodon shows the JSON-LD headline and description, other networks the Open Graph ones.',
    ja: 'JSON-LDとOpen Graphの内容が食い違っています。MastodonはJSON-LDの見出しと説明文を、他のSNSはOpen Graphのものを表示します。',
  },
  'card-headline-shrunk': {
    en: 'The card set the headline smaller than its largest size to fit.',
    ja: 'カードに収めるため、見出しを最大サイズより小さい文字で組みました。',
  },
  'card-headline-clamped': {
    en: 'The card could not fit the whole headline; its last line ends with an ellipsis.',
    ja: 'カードに見出し全体が収まらず、最終行が省略記号で終わっています。',
  },
  'card-fallback': {
    en: 'The card was drawn without its photo: {reason}.',
    ja: 'カードは写真なしで作られました：{reason}。',
  },
  'frozen-at-post': {
    en: '{networks} copy the card into the post when it is made: fix it before anyone shares the link.',
    ja: '{networks}は投稿した時点のカードを投稿に取り込みます。リンクが共有される前に直してください。',
  },
  embargoed: {
    en: 'Embargoed until {until}: crawlers get 404 and the default card until then.',
    ja: '{until}まで解禁前です。それまでクローラーには404と既定のカードが返ります。',
  },
  draft: {
    en: 'Draft: invisible on every public route; crawlers get 404 and the default card.',
    ja: '下書きです。どの公開ページにも表示されず、クローラーには404と既定のカードが返ります。',
  },
} as const satisfies Record<string, Record<MessageLang, string>>;

/** The units of truncation as the message names them. */
export const UNIT_NAMES: Record<CountUnit | 'lines', Record<MessageLang, string>> = {
  'code-points': { en: 'characters', ja: '文字' },
  graphemes: { en: 'graphemes', ja: '書記素' },
  'utf8-bytes': { en: 'UTF-8 bytes', ja: 'UTF-8バイト' },
  utf16: { en: 'UTF-16 code units', ja: 'UTF-16単位' },
  lines: { en: 'lines', ja: '行' },
};

/**
 * Why a card was drawn without its photo: the renderer's photo fallback reasons
 * (src/domain/operations/photo-failures.ts). `http-<status>` and unknown reasons are worded generically.
 */
export const FALLBACK_REASONS: Record<string, Record<MessageLang, string>> = {
  'disallowed-host': { en: 'the photo host is not allowed (IMAGE_HOSTS)', ja: '写真のホストが許可されていません（IMAGE_HOSTS）' },
  undecodable: { en: 'the photo could not be decoded', ja: '写真を読み込めませんでした' },
  'photo-too-large': { en: 'the photo is over the pixel limit', ja: '写真の画素数が上限を超えています' },
  timeout: { en: 'the photo host did not answer in time', ja: '写真のホストが時間内に応答しませんでした' },
  network: { en: 'the photo host could not be reached', ja: '写真のホストに接続できませんでした' },
  'scale-failed': { en: 'the photo could not be scaled', ja: '写真を縮小できませんでした' },
  'jpeg-over-budget': { en: 'the photo card was over the JPEG byte budget', ja: '写真入りカードがJPEGのサイズ上限を超えました' },
  'png-over-budget': { en: 'the photo card was over the PNG byte budget', ja: '写真入りカードがPNGのサイズ上限を超えました' },
};

const LIST_SEPARATOR: Record<MessageLang, string> = { en: ', ', ja: '、' };

function reasonText(reason: string, lang: MessageLang): string {
  const known = FALLBACK_REASONS[reason]?.[lang];
  if (known) return known;
  const status = /^http-(\d{3})$/.exec(reason)?.[1];
  if (status) return lang === 'ja' ? `写真のホストがHTTP ${status}を返しました` : `the photo host answered HTTP ${status}`;
  return reason;
}

/** The message of a warning in `lang`, from its code and parameters. */
export function warningMessage(code: keyof typeof WARNING_MESSAGES, params: MessageParams, lang: MessageLang = 'en'): string {
  const sep = LIST_SEPARATOR[lang];
  const values: Record<string, string> = {
    networks: (params.networks ?? []).join(sep),
    cuts: (params.cuts ?? []).map((c) => `${c.network} (${c.limit} ${UNIT_NAMES[c.unit][lang]})`).join(sep),
    reason: params.reason === undefined ? '' : reasonText(params.reason, lang),
    until: params.until ?? '',
  };
  return WARNING_MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
