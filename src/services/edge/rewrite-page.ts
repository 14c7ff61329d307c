/**
 * The streaming rewrite of an origin article page with HTMLRewriter: origin's own share tags out of
 * `<head>`, Presscard's set in at the start of `<head>` (Slack reads only about the first 32 KB), the
 * share bar after the configured element. Only the start of the page goes through the rewriter: once
 * the share bar is placed (or REGION_BYTES have passed) the rest is piped untouched, so one huge token
 * later in the page cannot hit the parser's 3 MiB memory cap (workerd html-rewriter.c++). Handlers
 * never throw: a handler that throws poisons the rewriter and errors its output (docs/edge-mode.md,
 * "When rewriting fails"); the stream driver (rewrite-stream.ts) recovers from that anyway.
 */

import { DEFAULT_SHARE_BAR_AFTER } from '../../domain/edge';
import { type Feed, LOOKAHEAD_BYTES } from './feed';

export interface RewriteInput {
  /** Presscard's head set as HTML built by this service (escaped values only). */
  headHtml: string;
  /** The share bar as HTML built by this service, or undefined for none. */
  shareBarHtml?: string;
  /** HTMLRewriter selector after whose element the bar goes (first match). */
  shareBarAfter: string;
  /** Adds react-helmet's ownership marker to every injected element (origin uses `data-rh`). */
  helmet?: boolean;
  /**
   * The page's encoding when known (header or `<meta charset>`): declared again first thing in
   * `<head>`, because the set pushes origin's own declaration past the 1024 bytes browsers prescan
   * (HTML §13.2.3.2), and origin's declaration is removed.
   */
  charset?: string;
}

// Origin's own share tags, removed from <head> (selectors per the HTMLRewriter docs: `i` flag, ^=).
const REMOVED_IN_HEAD = [
  'meta[property^="og:" i]', 'meta[name^="og:" i]',
  'meta[name^="twitter:" i]', 'meta[property^="twitter:" i]',
  'meta[property^="article:" i]', 'meta[name^="article:" i]',
  'meta[name="description" i]', 'meta[property="description" i]',
  'link[type="application/json+oembed" i]', 'link[type="text/xml+oembed" i]',
  'link[rel="canonical" i]', 'title',
].map((s) => `head ${s}`);
const CHARSET_DECLARATIONS = 'head meta[charset], head meta[http-equiv="content-type" i]';

const ARTICLE_TYPES = new Set(['Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle', 'ReviewNewsArticle']);

function isArticleNode(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const type = (node as Record<string, unknown>)['@type'];
  return (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.replace(/^(https?:\/\/)?schema\.org\//, '')));
}

/**
 * What is left of a JSON-LD block once article nodes are taken out: undefined to drop the block,
 * the original text when nothing changes or it does not parse, else the remaining graph.
 */
export function jsonLdWithoutArticles(text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\s*(<!\[CDATA\[|\/\/<!\[CDATA\[)/, '').replace(/(\]\]>|\/\/\]\]>)\s*$/, ''));
  } catch {
    return text;
  }
  const escape = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  if (Array.isArray(data)) {
    const rest = data.filter((n) => !isArticleNode(n));
    return rest.length === data.length ? text : rest.length ? escape(rest) : undefined;
  }
  if (isArticleNode(data)) return undefined;
  const graph = (data as Record<string, unknown> | null)?.['@graph'];
  if (Array.isArray(graph)) {
    const rest = graph.filter((n) => !isArticleNode(n));
    if (rest.length === graph.length) return text;
    return rest.length ? escape({ ...(data as object), '@graph': rest }) : undefined;
  }
  return text;
}

/** Marks every injected element as react-helmet's own, so the app's head manager can take it over. */
export function withHelmetMarker(html: string): string {
  return html.replace(/<(title|meta|link|script)\b/g, '<$1 data-rh="true"');
}

/** Runs `fn`, logging instead of throwing: a throwing handler would truncate the page. */
function safely(what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.warn(JSON.stringify({ event: 'edge-rewrite-handler-failed', handler: what, reason: String(err) }));
  }
}

/** The markup from the first `<main` to its `</main` (or to the end of what was read). */
function mainPart(text: string): string {
  const from = text.search(/<main[\s>]/i);
  const rest = from >= 0 ? text.slice(from) : text;
  const end = rest.search(/<\/main\s*>/i);
  return end >= 0 ? rest.slice(0, end) : rest;
}

/** True once the text holds the end of the first `<main>`. */
function mainClosed(text: string): boolean {
  const from = text.search(/<main[\s>]/i);
  return from >= 0 && /<\/main\s*>/i.test(text.slice(from));
}

const ARTICLE_H1 = /<article[\s>][\s\S]*?<h1[\s>]/i;

export interface RewriteState {
  /** The share bar is in (or there is none to place). */
  placed: boolean;
  /** `</head>` has passed. */
  headDone: boolean;
}

function safeCharset(charset: string | undefined): string | undefined {
  return charset && /^[\w.:-]+$/.test(charset) ? charset : undefined;
}

/** The markup prepended to `<head>`, exactly as the rewriter inserts it. */
export function headInjection(input: RewriteInput): string {
  const set = input.helmet ? withHelmetMarker(input.headHtml) : input.headHtml;
  const charset = safeCharset(input.charset);
  return charset ? `<meta charset="${charset}">${set}` : set;
}

/** The rewriter with every handler of the page rewrite; `state` tells the stream driver when its part is done. */
export function buildRewriter(input: RewriteInput, state: RewriteState, feed: Feed): HTMLRewriter {
  const charset = safeCharset(input.charset);
  const head = headInjection(input);
  let injected = false;
  const rewriter = new HTMLRewriter()
    .on('head', {
      element: (e) => safely('head', () => {
        if (injected) return;
        injected = true;
        e.prepend(head, { html: true });
        e.onEndTag(() => {
          state.headDone = true;
        });
      }),
    })
    .on(REMOVED_IN_HEAD.join(', '), { element: (e) => safely('remove', () => e.remove()) });
  if (charset) rewriter.on(CHARSET_DECLARATIONS, { element: (e) => safely('charset', () => e.remove()) });

  // JSON-LD: the text arrives in chunks; hold it back and decide at the end tag.
  let ld = '';
  rewriter.on('head script[type="application/ld+json" i]', {
    element: (e) => safely('ld', () => {
      ld = '';
      e.onEndTag((end) => safely('ld-end', () => {
        const kept = jsonLdWithoutArticles(ld);
        // An empty object is valid JSON-LD that says nothing; an empty script would not parse.
        end.before(kept ?? '{}', { html: true });
      }));
    }),
    text: (t) => safely('ld-text', () => {
      ld += t.text;
      t.remove();
    }),
  });

  if (input.shareBarHtml) {
    const bar = input.shareBarHtml;
    rewriter.on(input.shareBarAfter, {
      element: (e) => safely('share-bar', () => {
        if (state.placed) return;
        e.onEndTag((end) => safely('share-bar-end', () => {
          if (state.placed) return;
          state.placed = true;
          end.after(bar, { html: true });
        }));
      }),
    });
    // The default place is the first h1 in article, else the start of main. A streaming rewriter meets
    // <main> before it could know, so it reads ahead (bounded) from <main> to </main> for an article h1.
    let mainSeen = false;
    rewriter.on('main', {
      element: async (e) => {
        try {
          if (state.placed || mainSeen) return;
          mainSeen = true;
          if (input.shareBarAfter !== DEFAULT_SHARE_BAR_AFTER) return;
          const text = mainPart(await feed.lookAhead((t) => ARTICLE_H1.test(mainPart(t)) || mainClosed(t), LOOKAHEAD_BYTES));
          if (ARTICLE_H1.test(text)) return;
          state.placed = true;
          e.prepend(bar, { html: true });
        } catch (err) {
          console.warn(JSON.stringify({ event: 'edge-rewrite-handler-failed', handler: 'main', reason: String(err) }));
        }
      },
    });
    // A configured selector that matched nothing inside <main>: the bar still appears, at its end.
    rewriter.on('main', {
      element: (e) => safely('main', () => {
        e.onEndTag((end) => safely('main-end', () => {
          if (state.placed) return;
          state.placed = true;
          end.before(bar, { html: true });
        }));
      }),
    });
  }
  return rewriter;
}
