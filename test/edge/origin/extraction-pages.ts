// Origin pages of articles Presscard does not hold (Node side of the edge tests): each exercises one
// source order of extraction. Served by test-origin.ts; `version` changes with /__set.
import iconv from 'iconv-lite';

import { SAME_SLUG_A, SAME_SLUG_B, X } from '../paths';

const doc = (head: string, body: string, lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body><main><article>${body}</article></main></body></html>`;

export const EXTRACTION_PAGES: Record<string, (version: number) => { body: string | Buffer; headers?: Record<string, string>; status?: number }> = {
  // JSON-LD in @graph wins over og:*; entities decoded; relative image resolved.
  [X(1)]: () => ({
    body: doc(
      `<title>Tag title - The Mainichi</title><meta property="og:title" content="OG title"><meta property="og:description" content="OG description">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Mainichi"},
{"@type":"NewsArticle","headline":"Rice &amp; fish prices rise","description":"Markets \\u0026 households","inLanguage":"en",
"datePublished":"2099-01-01T09:00:00+09:00","dateModified":"2099-01-01T10:00:00+09:00","articleSection":"Business",
"author":[{"@type":"Person","name":"Hana Sato"},{"@type":"Person","name":"Ken Ito"}],"keywords":["Economy","Food"],
"image":{"@type":"ImageObject","url":"/images/market.jpg","width":1200,"height":800,"caption":"A market in Tokyo"}}]}</script>`,
      '<h1>H1 headline</h1><p>Body.</p>',
    ),
  }),
  // No JSON-LD: og:* with entities; og:image relative with its size.
  [X(2)]: () => ({
    body: doc(
      `<meta property="og:type" content="article"><meta property="og:title" content="&quot;Quoted&quot; &amp; &#x3C;bracketed&#x3E;">
<meta property="og:description" content="Caf&eacute; owners&#39; view"><meta property="og:image" content="../img/cafe.jpg"><meta property="og:image:width" content="800"><meta property="og:image:height" content="600">
<meta property="og:image:alt" content="A caf&eacute;"><meta property="article:published_time" content="2099-01-02T08:00:00Z"><meta property="article:tag" content="Cafes">`,
      '<h1>H1</h1>',
    ),
  }),
  // twitter:*, meta description, then <title> without the suffix; date from <time> in the article.
  [X(3)]: () => ({
    body: doc(
      `<title>Title headline | The Mainichi</title><meta name="twitter:description" content="Twitter description"><meta name="description" content="Meta description">`,
      '<h1>H1 headline</h1><p><time datetime="2099-01-03T07:00:00+09:00">Jan. 3</time></p>',
    ),
  }),
  // Only the h1: a title that is just the site name is skipped; no description: the first paragraph.
  [X(4)]: () => ({
    body: doc('<title>The Mainichi</title>', '<h1>Only  the&nbsp;h1</h1><p>First <b>paragraph</b> text.</p><time datetime="2099-01-04T00:00:00Z"></time>', 'ja'),
  }),
  // Not an article: remembered, not retried.
  [X(5)]: () => ({ body: doc('<meta property="og:type" content="website"><title>Section front</title>', '<h1>World</h1>') }),
  // Hostile values in origin's own tags.
  [X(6)]: () => ({
    body: doc(
      `<meta property="og:title" content="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"><meta property="og:description" content="&lt;/title&gt;&lt;img src=x onerror=alert(2)&gt; \u202Eevil">
<meta property="article:published_time" content="2099-01-06T00:00:00Z">`,
      '<h1>x</h1>',
    ),
  }),
  // Shift_JIS declared only in <meta charset>.
  [X(7)]: () => ({
    body: iconv.encode(
      `<!doctype html><html><head><meta charset="Shift_JIS"><meta property="og:title" content="桜の開花、東京で平年より早く"><meta property="article:published_time" content="2099-01-07T00:00:00+09:00"></head><body><main><article><h1>桜</h1></article></main></body></html>`,
      'Shift_JIS',
    ),
    headers: { 'content-type': 'text/html' },
  }),
  // Changes with /__set: conditional re-extraction.
  [X(8)]: (version) => ({
    body: doc(`<meta property="og:title" content="Version ${version}"><meta property="article:published_time" content="2099-01-08T00:00:00Z">`, '<h1>v</h1>'),
    headers: { etag: `"v${version}"` },
  }),
  // Pushed by the CMS later: the push replaces the extracted article.
  [X(9)]: () => ({ body: doc(`<meta property="og:title" content="Extracted first"><meta property="article:published_time" content="2099-01-09T00:00:00Z">`, '<h1>x</h1>') }),
  // Taken down at origin with /__set version 2 (410), then version 3 (404): test/edge/extraction.test.ts.
  [X(20)]: (version) => (version === 1
    ? { body: doc(`<meta property="og:title" content="Soon taken down"><meta property="article:published_time" content="2099-01-20T00:00:00Z">`, '<h1>t</h1>'), headers: { etag: '"t1"' } }
    : { body: '<!doctype html><title>Gone</title>', status: version === 2 ? 410 : 404 }),
  [X(21)]: (version) => (version === 1
    ? { body: doc(`<meta property="og:title" content="Gone on re-check"><meta property="article:published_time" content="2099-01-21T00:00:00Z">`, '<h1>t</h1>'), headers: { etag: '"t1"' } }
    : { body: '<!doctype html><title>Gone</title>', status: 404 }),
  // Two article URLs whose slugs are one (test/edge/extracted-store.test.ts): each is its own article.
  [SAME_SLUG_A]: () => ({ body: doc(`<meta property="og:title" content="Slug twin with a hyphen"><meta property="article:published_time" content="2099-01-20T00:00:00Z">`, '<h1>a-b</h1>') }),
  [SAME_SLUG_B]: () => ({ body: doc(`<meta property="og:title" content="Slug twin with a slash"><meta property="article:published_time" content="2099-01-20T00:00:00Z">`, '<h1>a/b</h1>') }),
  // Variants of a URL (test/edge/extraction.test.ts): 22 and 24 are served at their plain path only
  // (`/a/` is a 404 here), 23 only with a trailing slash, as sites whose canonical URLs end in one.
  [X(22)]: () => ({ body: doc(`<meta property="og:title" content="Plain page"><meta property="article:published_time" content="2099-01-22T00:00:00Z">`, '<h1>p</h1>'), headers: { etag: '"p22"' } }),
  [`${X(23)}/`]: () => ({ body: doc(`<meta property="og:title" content="Slash page"><meta property="article:published_time" content="2099-01-23T00:00:00Z">`, '<h1>s</h1>'), headers: { etag: '"s23"' } }),
  [X(24)]: () => ({ body: doc(`<meta property="og:title" content="Read after a variant"><meta property="article:published_time" content="2099-01-24T00:00:00Z">`, '<h1>v</h1>') }),
  // Asked for first by a card or oEmbed request (test/edge/on-demand.test.ts), one page per case;
  // 17: test/edge/remembered-articles.test.ts; 18, 19: test/edge/extraction-limit.test.ts.
  ...Object.fromEntries([10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map((n) => [X(n), () => ({
    body: doc(`<meta property="og:title" content="On demand ${n}"><meta property="article:published_time" content="2099-01-${n}T00:00:00Z">`, `<h1>On demand ${n}</h1>`),
    headers: { etag: `"d${n}"` },
  })])),
};
