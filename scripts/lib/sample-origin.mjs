// The sample publisher's own web server for `npm start` (edge mode): serves samplePages() at their
// paths, 404 elsewhere. Node's http, on loopback only.
import { createServer } from 'node:http';
import { samplePages } from './sample-pages.mjs';

/** Starts the origin on `port` (0: any free port); answers its URL, the pages and stop(). */
export async function startSampleOrigin({ port = 0, photos }) {
  const pages = samplePages(photos);
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://origin').pathname;
    const page = byPath.get(path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><title>Not found - The Mainichi</title><h1>Page not found</h1>');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'max-age=60', etag: `"sample-${page.path.length}-${page.html.length}"` });
    res.end(req.method === 'HEAD' ? undefined : page.html);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, pages, stop: () => new Promise((r) => server.close(() => r())) };
}
