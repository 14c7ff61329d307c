// A real HTTP origin for edge mode tests (Node, started by setup.ts). Article paths
// answer per `?v=` variant; `/__log` lists the requests it received, `/__release?id=` lets a held
// response finish, `/__state?id=` says whether it has.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { JA_PATH, SEED_PATH } from '../paths';
import { EXTRACTION_PAGES } from './extraction-pages';

const sjisPage = (charsetMeta: string) =>
  iconv.encode(originPage({ lang: 'ja', charsetMeta, body: '<p>桜の開花予想です。</p>' }), 'Shift_JIS');

/** A publisher's article page with its own (incomplete, partly wrong) share tags. */
export function originPage(o: { head?: string; body?: string; lang?: string; charsetMeta?: string } = {}): string {
  return `<!doctype html>
<html lang="${o.lang ?? 'en'}">
<head>
${o.charsetMeta ?? '<meta charset="utf-8">'}
<title>Old headline - The Mainichi</title>
<meta name="description" content="Origin description">
<meta property="og:title" content="Origin og title">
<meta property="og:image" content="https://cdn.mainichi.jp/old.jpg">
<meta name="twitter:card" content="summary">
<meta property="article:section" content="Old">
<link rel="canonical" href="https://mainichi.jp/english/articles/old">
<link rel="alternate" type="application/json+oembed" href="https://old.example/oembed">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Mainichi"},{"@type":"NewsArticle","headline":"Origin LD"}]}</script>
<meta name="robots" content="index">
<link rel="stylesheet" href="/site.css">
${o.head ?? ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><nav><a href="/english/">Home</a></nav></header>
<main id="main">
<article>
<h1>Origin headline</h1>
${o.body ?? '<p>First paragraph.</p>'}
</article>
</main>
<footer>Copyright The Mainichi</footer>
</body>
</html>
`;
}

interface Held {
  release: () => void;
  finished: boolean;
}

export function startTestOrigin(extra: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {}) {
  const log: { method: string; url: string; headers: IncomingMessage['headers'] }[] = [];
  const held = new Map<string, Held>();
  const versions = new Map<string, number>();

  const html = (res: ServerResponse, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };

  const variants: Record<string, (req: IncomingMessage, res: ServerResponse, id: string) => void> = {
    plain: (_q, res) => html(res, originPage(), { 'set-cookie': 'session=1; Path=/', 'cache-control': 'max-age=60', vary: 'Cookie' }),
    gzip: (_q, res) => html(res, gzipSync(originPage()), { 'content-encoding': 'gzip' }),
    br: (_q, res) => html(res, brotliCompressSync(originPage()), { 'content-encoding': 'br' }),
    chunked: (_q, res) => {
      const page = originPage();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      // No Content-Length: Node sends Transfer-Encoding: chunked; split inside a tag on purpose.
      const cut = [0, page.indexOf('og:title') + 3, page.indexOf('<h1>') + 2, page.length];
      cut.slice(1).forEach((end, i) => res.write(page.slice(cut[i], end)));
      res.end();
    },
    helmet: (_q, res) => html(res, originPage({ head: '<meta data-rh="true" property="og:description" content="helmet">' })),
    svg: (_q, res) => html(res, originPage({ body: '<svg><title>Icon title</title></svg><p>Text</p>' })),
    big: (_q, res) => {
      const image = `<img alt="inline" src="data:image/png;base64,${'A'.repeat(4 * 1024 * 1024)}">`;
      html(res, originPage({ body: `<p>Before</p>${image}<p id="after-image">After the image</p>` }));
    },
    etag: (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        return res.end();
      }
      html(res, originPage(), { etag: '"v1"' });
    },
    '404': (_q, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<title>Not here</title>');
    },
    '500': (_q, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<title>Broken</title>');
    },
    redirect: (_q, res) => {
      res.writeHead(301, { location: '/english/articles/elsewhere' });
      res.end();
    },
    pdf: (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4 <head><meta property="og:title" content="x"></head>');
    },
    attachment: (_q, res) => html(res, originPage(), { 'content-disposition': 'attachment; filename="page.html"' }),
    sse: (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('data: <head>\n\n');
    },
    range: (req, res) => {
      const page = Buffer.from(originPage());
      if (req.headers.range) {
        res.writeHead(206, { 'content-type': 'text/html; charset=utf-8', 'content-range': `bytes 0-99/${page.length}` });
        return res.end(page.subarray(0, 100));
      }
      html(res, page);
    },
    hang: () => undefined,
    'main-only': (_q, res) => html(res, originPage().replace(/<article>[\s\S]*<\/article>/, '<div class="lead"><h2>Lead</h2><p>Text</p></div>')),
    'late-h1': (_q, res) => {
      // The article's h1 comes after 100 KB of markup inside <main>, written in several chunks.
      const page = originPage().replace('<article>', `<div class="rail">${'<p>filler</p>'.repeat(8000)}</div><article>`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      for (let i = 0; i < page.length; i += 16 * 1024) res.write(page.slice(i, i + 16 * 1024));
      res.end();
    },
    slow: (_q, res, id) => {
      const page = originPage();
      const split = page.indexOf('<footer>');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(page.slice(0, split));
      const entry: Held = { finished: false, release: () => res.end(page.slice(split), () => (entry.finished = true)) };
      held.set(id, entry);
    },
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://origin.test');
    if (url.pathname === '/__log') return void res.end(JSON.stringify(log));
    if (url.pathname === '/__release') {
      held.get(url.searchParams.get('id') ?? '')?.release();
      return void res.end('ok');
    }
    if (url.pathname === '/__set') {
      versions.set(url.searchParams.get('path') ?? '', Number(url.searchParams.get('version')));
      return void res.end('ok');
    }
    if (url.pathname === '/__state') return void res.end(JSON.stringify({ finished: held.get(url.searchParams.get('id') ?? '')?.finished ?? null }));
    log.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    if (extra[url.pathname]) return extra[url.pathname]!(req, res);
    const extraction = EXTRACTION_PAGES[url.pathname];
    if (extraction) {
      const { body, headers, status } = extraction(versions.get(url.pathname) ?? 1);
      if (status) {
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
        return void res.end(body);
      }
      if (headers?.etag && req.headers['if-none-match'] === headers.etag) {
        res.writeHead(304, { etag: headers.etag });
        return res.end();
      }
      return html(res, body, headers);
    }
    if (url.pathname === SEED_PATH) {
      const handler = variants[url.searchParams.get('v') ?? 'plain'];
      if (handler) return handler(req, res, url.searchParams.get('id') ?? '');
    }
    if (url.pathname === JA_PATH) {
      if (url.searchParams.get('v') === 'sjis-header') return html(res, sjisPage(''), { 'content-type': 'text/html; charset=Shift_JIS' });
      return html(res, sjisPage('<meta charset="Shift_JIS">'), { 'content-type': 'text/html' });
    }
    if (url.pathname === '/english/') return html(res, '<!doctype html><title>Home</title><meta property="og:title" content="Home">', { 'x-origin': 'home' });
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('no such page');
  });
  return server;
}
