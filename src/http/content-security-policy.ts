/** A CSP hash source for an inline `<script>` or `<style>` (CSP Level 3 §2.3.1 "hash-source"). */
export async function sha256Source(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

export interface EmbedPolicyInput {
  /** This service's origin: the logo and local photos. */
  origin: string;
  /** Configured image hosts (`host[:port]`), where article photos live. */
  imageHosts: readonly string[];
  style: string;
  script: string;
}

/**
 * The embed page's policy: nothing loads but images from this service and the image hosts, the one
 * inline style and the one inline script (by hash), and any site may frame the page
 * (`frame-ancestors *`, which replaces X-Frame-Options; CSP Level 3 §6.4.2).
 */
export async function embedContentSecurityPolicy({ origin, imageHosts, style, script }: EmbedPolicyInput): Promise<string> {
  return [
    `default-src 'none'`,
    `img-src ${[origin, ...imageHosts].join(' ')}`,
    `style-src ${await sha256Source(style)}`,
    `script-src ${await sha256Source(script)}`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors *`,
  ].join('; ');
}
