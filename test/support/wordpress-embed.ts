// What WordPress does with the oEmbed html of a provider it does not trust, re-implemented so tests can
// embed our answer exactly as a WordPress post would: wp_filter_oembed_result() (wp-includes/embed.php)
// on top of a reduced wp_kses() (wp-includes/kses.php), and the host script wp-embed.js.

type AllowedHtml = Record<string, Record<string, true>>;

const ALLOWED: AllowedHtml = {
  a: { href: true },
  blockquote: {},
  iframe: { src: true, width: true, height: true, frameborder: true, marginwidth: true, marginheight: true, scrolling: true, title: true },
};

// wp_allowed_protocols(): the schemes a URI attribute may keep; wp_kses_uri_attributes() for which.
const ALLOWED_PROTOCOLS = /^(https?|ftps?|mailto|news|irc6?|ircs|gopher|nntp|feed|telnet|mms|rtsp|sms|svn|tel|fax|xmpp|webcal|urn):/i;
const URI_ATTRIBUTES = new Set(['href', 'src', 'action', 'cite', 'background', 'data', 'formaction', 'poster', 'xmlns']);

/** wp_kses_bad_protocol(), reduced: a value with a scheme outside the list loses it. */
function ksesBadProtocol(value: string): string {
  const scheme = /^\s*([^\s:/?#]+):/.exec(value);
  if (!scheme || ALLOWED_PROTOCOLS.test(value.trim())) return value;
  return value.slice(scheme[0].length);
}

/** wp_kses_hair() + wp_kses_attr(): the tag rebuilt with only its allowed attributes, `name="value"`. */
function ksesAttr(element: string, attrs: string, allowed: AllowedHtml): string {
  const keep = allowed[element]!;
  let out = '';
  const re = /([_a-zA-Z][-_a-zA-Z0-9:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;
  let m: RegExpExecArray | null;
  const seen = new Set<string>();
  while ((m = re.exec(attrs))) {
    const name = m[1]!.toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    if (!keep[name]) continue;
    const quote = m[3] !== undefined ? "'" : '"';
    let value = m[2] ?? m[3] ?? m[4] ?? '';
    if (URI_ATTRIBUTES.has(name)) value = ksesBadProtocol(value);
    out += ` ${name}=${quote}${value}${quote}`;
  }
  const slash = /\/\s*$/.test(attrs) ? ' /' : '';
  return `<${element}${out}${slash}>`;
}

/** wp_kses(), reduced to what oEmbed filtering exercises: disallowed tags and attributes go, text stays. */
export function wpKses(html: string, allowed: AllowedHtml): string {
  // wp_kses_normalize_entities(): a bare & becomes &amp;.
  const normalised = html.replace(/\0/g, '').replace(/&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;');
  // wp_kses_split(): comments, tags and stray `>`.
  return normalised.replace(/(<!--[\s\S]*?(?:-->|$))|(<[^>]*(?:>|$)|>)/g, (chunk) => {
    if (chunk === '>') return '&gt;';
    if (chunk.startsWith('<!--')) return '';
    const m = /^<\s*(\/\s*)?([a-zA-Z0-9-]+)([^>]*)>?$/.exec(chunk);
    if (!m) return '';
    const element = m[2]!.toLowerCase();
    if (!allowed[element]) return '';
    if (m[1]) return `</${element}>`;
    return ksesAttr(element, m[3]!, allowed);
  });
}

/** esc_url() for display: strips characters URLs may not hold, then entity-encodes & and '. */
function escUrl(url: string): string {
  return url
    .trim()
    .replace(/ /g, '%20')
    .replace(/[^a-z0-9\-~+_.?#=!&;,/:%@$|*'()[\]\x80-\uffff]/gi, '')
    .replace(/&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;')
    .replace(/&amp;/g, '&#038;')
    .replace(/'/g, '&#039;');
}

/** wp_generate_password(10, false): letters and digits. */
export function wordpressSecret(): string {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => chars[b % chars.length]).join('');
}

/**
 * wp_filter_oembed_result() for an untrusted provider: the markup WordPress puts in a post, or false
 * when nothing would embed (no iframe survived).
 */
export function wordpressFilterOembedResult(html: string, secret = wordpressSecret()): string | false {
  let out = wpKses(html, ALLOWED);
  const content = /(<blockquote>[\s\S]*?<\/blockquote>)?[\s\S]*(<iframe[\s\S]*?><\/iframe>)/.exec(out);
  if (!content?.[2]) return false;
  const blockquote = content[1] ?? '';
  out = blockquote + content[2];

  const src = / src=(['"])(.*?)\1/.exec(out);
  if (src) {
    const q = src[1]!;
    const url = escUrl(`${src[2]}#?secret=${secret}`);
    out = out.replace(src[0], () => ` src=${q}${url}${q} data-secret=${q}${secret}${q}`);
    out = out.split('<blockquote').join(`<blockquote data-secret="${secret}"`);
  }

  out = wpKses(out, {
    ...ALLOWED,
    blockquote: { 'data-secret': true },
    iframe: { ...ALLOWED.iframe, 'data-secret': true },
  });

  if (blockquote) {
    // "We have a blockquote to fall back on. Hide the iframe by default."
    out = out.split('<iframe').join('<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
    out = out.split('<blockquote').join('<blockquote class="wp-embedded-content"');
  }
  return out.replace(/<iframe/gi, '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/**
 * wp-embed.js, the host script every WordPress page with an embed loads: a message is taken only from
 * the iframe with the message's secret; it hides the blockquotes with that secret, shows the iframe,
 * sets its height clamped to 200-1000, and follows a `link` only to the iframe's own host while the
 * iframe has focus. On load it adds a secret to iframes that lack one and asks each for `ready`.
 */
export const WP_EMBED_HOST_SCRIPT = `(function (window, document) {
  'use strict';
  window.wp = window.wp || {};
  if (window.wp.receiveEmbedMessage) return;
  window.wp.receiveEmbedMessage = function (e) {
    var data = e.data;
    if (!data || !(data.secret || data.message || data.value)) return;
    if (/[^a-zA-Z0-9]/.test(data.secret)) return;
    var iframes = document.querySelectorAll('iframe[data-secret="' + data.secret + '"]'),
      blockquotes = document.querySelectorAll('blockquote[data-secret="' + data.secret + '"]'),
      allowedProtocols = new RegExp('^https?:$', 'i'),
      i, source, height, sourceURL, targetURL;
    for (i = 0; i < blockquotes.length; i++) blockquotes[i].style.display = 'none';
    for (i = 0; i < iframes.length; i++) {
      source = iframes[i];
      if (e.source !== source.contentWindow) continue;
      source.removeAttribute('style');
      if ('height' === data.message) {
        height = parseInt(data.value, 10);
        if (height > 1000) height = 1000;
        else if (~~height < 200) height = 200;
        source.height = height;
      }
      if ('link' === data.message) {
        sourceURL = new URL(source.getAttribute('src'));
        targetURL = new URL(data.value);
        if (allowedProtocols.test(targetURL.protocol) && targetURL.host === sourceURL.host && document.activeElement === source) {
          window.top.location.href = data.value;
        }
      }
    }
  };
  var loaded = false;
  function onLoad() {
    if (loaded) return;
    loaded = true;
    var iframes = document.querySelectorAll('iframe.wp-embedded-content'), i, source, secret;
    for (i = 0; i < iframes.length; i++) {
      source = iframes[i];
      secret = source.getAttribute('data-secret');
      if (!secret) {
        secret = Math.random().toString(36).substring(2, 12);
        source.src += '#?secret=' + secret;
        source.setAttribute('data-secret', secret);
      }
      source.contentWindow.postMessage({ message: 'ready', secret: secret }, '*');
    }
  }
  window.addEventListener('message', window.wp.receiveEmbedMessage, false);
  document.addEventListener('DOMContentLoaded', onLoad, false);
  window.addEventListener('load', onLoad, false);
})(window, document);`;
