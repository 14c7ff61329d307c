
import { asciiJson, asciiSafeHtml, fingerprint } from '../../domain/edge';
import type { HeadTag } from '../../domain/head';
import type { ShareBarModel } from '../../domain/share';
import { renderHeadTags } from '../../../templates/pages/head-tags';
import { ShareBarElement } from '../../../templates/share/share-bar-element';

/** What edge mode puts into an origin page, as HTML built by the templates (every value escaped). */
export interface InjectedSet {
  headHtml: string;
  shareBarHtml: string;
  /** Changes whenever either part changes: part of the page's weak ETag. */
  fingerprint: string;
}

export function buildInjectedSet(tags: HeadTag[], shareBar: ShareBarModel, origin: string): InjectedSet {
  const headHtml = '\n' + renderHeadTags(tags);
  const shareBarHtml = String(<ShareBarElement model={shareBar} script={`${origin}/share-bar.js`} />);
  return { headHtml, shareBarHtml, fingerprint: fingerprint(headHtml + '\u0000' + shareBarHtml) };
}

/**
 * The set for a page in a legacy encoding (Shift_JIS, EUC-JP, ...): ASCII only, with text as numeric
 * character references and JSON-LD with `\u` escapes, so it reads the same whatever the page's charset.
 */
export function asciiInjectedSet(set: InjectedSet): InjectedSet {
  const scripts = (html: string) => html.replace(/(<script type="application\/ld\+json">)([\s\S]*?)(<\/script>)/g, (_, open: string, json: string, close: string) => open + asciiJson(json) + close);
  return { ...set, headHtml: asciiSafeHtml(scripts(set.headHtml)), shareBarHtml: asciiSafeHtml(scripts(set.shareBarHtml)) };
}

