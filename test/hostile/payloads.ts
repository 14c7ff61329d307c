/**
 * The hostile corpus's data: script-injection payloads, the article fields they go into, SSRF photo
 * URLs, odd ids, auth spellings and garbage parameters. Each script payload names the literal that
 * would appear in a response only if the payload reached it as markup (its `signature`).
 */
export interface ScriptPayload {
  name: string;
  text: string;
  signature: string;
  /** For attribute breakouts: the attribute that must appear on no element of a parsed page. */
  attribute?: string;
}

export const SCRIPT_PAYLOADS: ScriptPayload[] = [
  { name: 'script tag', text: '<script>alert("hx1")</script>', signature: '<script>alert("hx1")' },
  { name: 'img onerror', text: '"><img src=x onerror=alert(\'hx2\')>', signature: '<img src=x onerror' },
  { name: 'svg onload', text: "'><svg/onload=alert(3)>", signature: '<svg/onload' },
  { name: 'script breakout', text: '</script><script>alert(4)</script>', signature: '</script><script>alert(4)' },
  { name: 'title breakout', text: '</title><script>alert(5)</script>', signature: '<script>alert(5)' },
  { name: 'comment breakout', text: '--><script>alert(6)</script><!--', signature: '<script>alert(6)' },
  { name: 'CDATA breakout', text: ']]><script>alert(7)</script>', signature: '<script>alert(7)' },
  { name: 'javascript iframe', text: '<iframe src="javascript:alert(8)">', signature: '<iframe src="javascript' },
  { name: 'javascript link', text: '<a href="javascript:alert(9)">click</a>', signature: '<a href="javascript' },
  { name: 'attribute breakout', text: '" onmouseover="alert(10)" x="', signature: '" onmouseover="alert(10)"', attribute: 'onmouseover' },
  { name: 'single-quote attribute breakout', text: "' onfocus='alert(11)' autofocus='", signature: "' onfocus='alert(11)'", attribute: 'onfocus' },
  { name: 'entity double decoding', text: '&lt;script&gt;alert(12)&lt;/script&gt;', signature: '<script>alert(12)' },
  { name: 'mXSS style', text: '<math><mtext><table><mglyph><style><img src=x onerror=alert(13)>', signature: '<img src=x onerror=alert(13)' },
  { name: 'meta refresh', text: '<meta http-equiv="refresh" content="0;url=//hx.invalid">', signature: '<meta http-equiv="refresh"' },
  { name: 'base href', text: '<base href="//hx.invalid/">', signature: '<base href=' },
  { name: 'line separators and comment', text: '\u2028\u2029<!--<script>alert(16)', signature: '<!--<script>' },
];

/** Where a payload goes in an article document (every text field a template can show). */
export const ARTICLE_FIELDS: Record<string, (doc: Record<string, unknown>, text: string) => void> = {
  headline: (d, t) => void (d.headline = t),
  socialHeadline: (d, t) => void (d.socialHeadline = t),
  description: (d, t) => void (d.description = t),
  socialDescription: (d, t) => void (d.socialDescription = t),
  section: (d, t) => void (d.section = t),
  tag: (d, t) => void (d.tags = [t]),
  authorName: (d, t) => void (d.authors = [{ name: t }]),
  credit: (d, t) => void (d.credit = t),
  dateline: (d, t) => void (d.dateline = t),
  imageAlt: (d, t) => void (d.image = { ...photo, alt: t }),
  imageCaption: (d, t) => void (d.image = { ...photo, caption: t }),
  imageCredit: (d, t) => void (d.image = { ...photo, credit: t }),
  body: (d, t) => void (d.body = [t]),
  label: (d, t) => void (d.label = t),
};

const photo = { url: 'http://localhost:8787/photos/dandong-customs.jpg', alt: 'Photo', width: 1200, height: 800 };

/**
 * Photo URLs that must never be fetched: other ports, loopback, link-local and cloud metadata
 * addresses, IPv6, decimal/hex/octal IPs, userinfo and fragment tricks, look-alike hosts, other schemes.
 */
export const SSRF_URLS: string[] = [
  'https://cdn.mainichi.jp:8443/photo.jpg',
  'https://cdn.mainichi.jp:22/photo.jpg',
  'http://cdn.mainichi.jp/photo.jpg',
  'https://169.254.169.254/latest/meta-data/',
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://100.100.100.200/latest/meta-data/',
  'http://127.0.0.1/',
  'http://127.0.0.1:8787/api/articles',
  'http://localhost:8787/api/articles',
  'http://localhost:6379/',
  'http://0.0.0.0/',
  'http://2130706433/',
  'http://0x7f000001/',
  'http://0177.0.0.1/',
  'http://127.1/',
  'http://[::1]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:a9fe:a9fe]/',
  'http://[fd00:ec2::254]/',
  'https://cdn.mainichi.jp@169.254.169.254/photo.jpg',
  'https://cdn.mainichi.jp:443@evil.example/photo.jpg',
  'https://evil.example#@cdn.mainichi.jp/photo.jpg',
  'https://evil.example\\@cdn.mainichi.jp/photo.jpg',
  'https://cdn.mainichi.jp.evil.example/photo.jpg',
  'https://cdn-mainichi.jp/photo.jpg',
  'https://xn--cdn-mainichi-jp.example/photo.jpg',
  'https://10.0.0.1/photo.jpg',
  'https://192.168.0.1/photo.jpg',
  'https://[fe80::1]/photo.jpg',
  'ftp://cdn.mainichi.jp/photo.jpg',
  'file:///etc/passwd',
  'data:image/png;base64,iVBORw0KGgo=',
];

/** Article ids and id-like path segments with traversal, controls, surrogates and odd escapes. */
export const ODD_IDS: string[] = [
  '..', '%2e%2e', '..%2f..%2fetc%2fpasswd', '%252e%252e%252f', '%c0%ae%c0%ae', '.%00.', 'a%00b', 'a%0d%0aSet-Cookie:%20x=1',
  '%ed%a0%80', '%ef%bf%bf', '%ff%fe', '%u0041', '%', '%zz', 'A-UPPER', '-leading-hyphen', 'x'.repeat(300),
  '%e2%80%ae%e2%80%8bid', '%f0%9f%91%a8%e2%80%8d%f0%9f%91%a9', 'id;rm', 'id%3Fq%3D1', '%09tab', '%20space', '%5c..%5c',
];

/** Authorization headers that must all be refused (the valid one is `Bearer test-token`). */
export const BAD_AUTH: Array<[name: string, headers: Record<string, string>, query?: string]> = [
  ['no header', {}],
  ['empty', { authorization: '' }],
  ['scheme only', { authorization: 'Bearer' }],
  ['scheme and space', { authorization: 'Bearer ' }],
  ['wrong token', { authorization: 'Bearer test-tokeN' }],
  ['prefix of token', { authorization: 'Bearer test-toke' }],
  ['token with suffix', { authorization: 'Bearer test-token-x' }],
  ['token alone', { authorization: 'test-token' }],
  ['basic', { authorization: `Basic ${btoa('cms:test-token')}` }],
  ['token scheme', { authorization: 'Token test-token' }],
  ['two tokens', { authorization: 'Bearer wrong, Bearer test-token' }],
  ['quoted', { authorization: 'Bearer "test-token"' }],
  ['unicode look-alike', { authorization: 'Bearer test\u2010token' }],
  ['in the query only', {}, '?token=test-token&access_token=test-token'],
  ['in a cookie', { cookie: 'token=test-token' }],
  ['other header', { 'x-api-key': 'test-token' }],
];

/** Garbage query strings, appended to every public route. */
export const GARBAGE_QUERIES: string[] = [
  '?url=javascript:alert(1)', '?format=jsonp&callback=alert', '?maxwidth=-1&maxheight=1e309', '?maxwidth=NaN',
  '?v=..%2F..%2F&v=1', '?cursor=%00%ff', '?instance=%0d%0aSet-Cookie:%20x=1', '?lang=%ed%a0%80', '?limit=99999999999999999999',
  '?a[b][c]=1&__proto__[x]=1', '?' + 'q=1&'.repeat(500), '?%',
];

/** Methods sent to every public route (TRACE, TRACK and CONNECT cannot be built by fetch). */
export const ODD_METHODS = ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'];
