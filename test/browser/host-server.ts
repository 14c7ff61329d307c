// A second loopback origin for embedding tests: the blog that embeds our card. It serves whatever
// pages the test registers, on its own random port, so the card is cross-origin as on a real blog.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostServer {
  origin: string;
  /** Serves `html` at `path` (exact match, query ignored). */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

export async function startHostServer(): Promise<HostServer> {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const html = pages.get(path);
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, html) {
      pages.set(path, html);
      return origin + path;
    },
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** A post page the way a block theme prints an embed: figure, wrapper, the filtered markup, wp-embed.js. */
export function wordpressPost(markup: string, contentWidth: number, hostScript: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog post</title>
<style>
  body { margin: 0; padding: 24px; font: 17px/1.6 Georgia, serif; background: #fff; color: #222; }
  @media (prefers-color-scheme: dark) { body { background: #101114; color: #ddd; } }
  .entry-content { width: ${contentWidth}px; }
  .wp-block-embed { margin: 24px 0; }
  .wp-block-embed iframe { max-width: 100%; }
</style></head>
<body><article class="entry-content">
<p>Before the embed.</p>
<figure class="wp-block-embed is-type-rich is-provider-the-mainichi wp-block-embed-the-mainichi"><div class="wp-block-embed__wrapper">
${markup}
</div></figure>
<p>After the embed.</p>
</article>
<script>${hostScript}</script>
</body></html>`;
}

/** Any other page: the oEmbed html pasted as it is (it brings /embed.js itself). */
export function plainPage(html: string, contentWidth: number): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A plain page</title>
<style>
  body { margin: 0; padding: 24px; font: 16px/1.5 system-ui, sans-serif; background: #fff; color: #222; }
  @media (prefers-color-scheme: dark) { body { background: #101114; color: #ddd; } }
  .post { width: ${contentWidth}px; }
</style></head>
<body><div class="post"><p>Before.</p><div class="embed">${html}</div><p>After.</p></div></body></html>`;
}
