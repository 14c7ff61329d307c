export type InstanceProblem = 'empty' | 'url' | 'account' | 'port' | 'not-a-host';

export type InstanceCheck = { ok: true; host: string } | { ok: false; problem: InstanceProblem };

/** RFC 1035 §2.3.4: labels of 1-63 letters, digits and hyphens, not starting or ending with one. */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A top-level domain is alphabetic, or an IDN in its xn-- form; this rules out IP addresses. */
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * What readers paste besides the bare host, reduced to the host: the server's address
 * (`https://mastodon.social/`), their handle (`@alice@mastodon.social`, WebFinger's `acct:` form
 * without the scheme, RFC 7565) or a fully qualified name with its trailing dot.
 */
function unwrap(typed: string): string {
  let s = typed;
  const address = /^https?:\/\/([^/?#\\]*)\/?$/i.exec(s);
  if (address) s = address[1]!;
  const handle = /^@?[^@\s/\\?#]+@([^@\s]+)$/.exec(s);
  if (handle) s = handle[1]!;
  return s.endsWith('.') && !s.endsWith('..') ? s.slice(0, -1) : s;
}

/**
 * Checks what a reader typed as their Mastodon server. After `unwrap`, only a plain DNS host name
 * passes, since it becomes the host of `https://<host>/share?text=...`: no other scheme, path, query,
 * fragment, port, IP address or single-label name (`localhost`). International names are accepted and returned
 * in their ASCII (punycode) form, lower-cased.
 */
export function parseMastodonInstance(input: string): InstanceCheck {
  const typed = unwrap(input.trim());
  if (typed === '') return { ok: false, problem: 'empty' };
  if (/[/\\?#]/.test(typed) || /^[a-z][a-z0-9+.-]*:(?!\d+$)/i.test(typed)) return { ok: false, problem: 'url' };
  if (typed.includes('@')) return { ok: false, problem: 'account' };
  if (typed.includes(':')) return { ok: false, problem: 'port' };
  // Letters of any script, digits, dots and hyphens; everything else (spaces, %, brackets) is refused
  // before the URL parser gets a chance to reinterpret it.
  if (!/^[\p{L}\p{M}\p{N}.-]+$/u.test(typed)) return { ok: false, problem: 'not-a-host' };
  let host = typed.toLowerCase();
  if (/[^\x00-\x7f]/.test(host)) {
    try {
      host = new URL(`https://${host}/`).hostname;
    } catch {
      return { ok: false, problem: 'not-a-host' };
    }
  }
  if (host.length > 253) return { ok: false, problem: 'not-a-host' };
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels[labels.length - 1]!)) {
    return { ok: false, problem: 'not-a-host' };
  }
  return { ok: true, host };
}
