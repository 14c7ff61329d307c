import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../app-context';
import { isCardVariant } from '../domain/card';
import { validateSocialFields, type SocialFieldEdits, type StoredOverrides } from '../domain/newsroom';
import { access } from '../http/access';
import { jsonBodyLimit, readJson } from '../http/json-body';
import { problem } from '../http/problem';
import { OverrideConflictError, type NewsroomArticle, type NewsroomPreview } from '../services/newsroom';
import { crawlAsNetworks } from '../services/newsroom-crawl';
import { profileOf } from '../domain/preview';
import { changedFields, MANUAL_REFRESH_TOOLS } from '../domain/newsroom';

/**
 * The newsroom's preview API (staff only): `GET|POST /api/newsroom/articles/:id/preview` (saved state,
 * or unsaved social fields), staff-only card renders, and the overrides with optimistic concurrency.
 */
export const newsroomPreviewApi = new Hono<AppEnv>();

const MAX_EDIT_BYTES = 16 * 1024;
const privateHeaders = { 'cache-control': 'private, no-store' };

const b64url = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
function fromB64url(s: string): unknown {
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0))));
  } catch {
    throw problem(400, 'edits is not base64url-encoded JSON.');
  }
}

function editsOrThrow(input: unknown): SocialFieldEdits {
  const v = validateSocialFields(input);
  if (!v.ok) throw problem(422, 'The social fields are not valid.', { type: '/problems/invalid-social-fields', title: 'Invalid social fields', errors: v.issues.map((i) => ({ pointer: i.pointer, detail: i.message })) });
  return v.edits;
}

/** The article with edits applied, or a 404/422 problem. */
async function load(c: AppContext, edits?: SocialFieldEdits): Promise<NewsroomArticle> {
  const id = c.req.param('id')!;
  let article;
  try {
    article = await c.var.services.newsroom.load(id, edits);
  } catch (err) {
    // The edits made an article the schema refuses (e.g. a focal point on no photo is fine, a bad label is not).
    if (err instanceof Error && err.name === 'ZodError') throw problem(422, `The edits make an invalid article: ${err.message}`);
    throw err;
  }
  if (!article) throw problem(404, `No article with id ${JSON.stringify(id)}.`);
  return article;
}

export const overridesEtag = (saved: StoredOverrides | undefined) => `"o${saved?.revision ?? 0}"`;

/** The JSON the preview page and scripts read. `edits`: the unsaved edits the staff card URLs carry. */
function present(c: AppContext, p: NewsroomPreview, edits?: SocialFieldEdits) {
  const id = p.article.cms.article.id;
  const query = edits && Object.keys(edits).length > 0 ? `?edits=${b64url(JSON.stringify(edits))}` : '';
  const staffCard = (variant: string) => `${c.var.origin}/api/newsroom/articles/${encodeURIComponent(id)}/cards/${variant}${query}`;
  return {
    id,
    url: p.article.effective.url,
    status: p.article.effective.status,
    embargoUntil: p.article.effective.embargoUntil ?? null,
    revision: p.article.saved?.revision ?? 0,
    etag: overridesEtag(p.article.saved),
    overrides: p.article.overrides,
    savedBy: p.article.saved ? { name: p.article.saved.updatedBy, at: p.article.saved.updatedAt } : null,
    draft: Boolean(query),
    cards: { og: { url: p.cards.og.url, previewUrl: staffCard('og') }, square: { url: p.cards.square.url, previewUrl: staffCard('square') } },
    card: p.card ?? null,
    networks: p.networks.map((n) => ({
      ...n,
      mode: n.modes[0],
      profile: profileOf(n.network),
      // The page draws the card it was just sent (data: URL) rather than asking for a second render.
      ...(n.image ? { image: { ...n.image, previewUrl: n.image.url === p.cards.og.url ? (p.cardDataUri ?? staffCard('og')) : n.image.url } } : {}),
    })),
    warnings: p.warnings,
  };
}

newsroomPreviewApi.get('/articles/:id/preview', access('staff'), async (c) => {
  const article = await load(c);
  const preview = await c.var.services.newsroom.preview(article, { render: c.req.query('render') !== '0' });
  return c.json(present(c, preview), 200, { ...privateHeaders, etag: overridesEtag(article.saved) });
});

newsroomPreviewApi.post('/articles/:id/preview', access('staff'), jsonBodyLimit(MAX_EDIT_BYTES), async (c) => {
  const edits = editsOrThrow(await readJson(c.req.raw));
  const article = await load(c, edits);
  const preview = await c.var.services.newsroom.preview(article, { render: c.req.query('render') !== '0' });
  return c.json(present(c, preview, edits), 200, privateHeaders);
});

/** A card as edited, drawn for staff only: never stored in R2 or the Cache API, never cached. */
newsroomPreviewApi.get('/articles/:id/cards/:variant', access('staff'), async (c) => {
  const variant = c.req.param('variant');
  if (!isCardVariant(variant)) throw problem(404, `No card variant ${JSON.stringify(variant)}.`);
  const raw = c.req.query('edits');
  const article = await load(c, raw ? editsOrThrow(fromB64url(raw)) : undefined);
  const card = await c.var.services.newsroom.renderCard(article, variant);
  return new Response(card.bytes, {
    headers: { 'content-type': card.contentType, ...privateHeaders, 'x-card-template': card.template, ...(card.fallback ? { 'x-card-fallback': card.fallback.slice(0, 200) } : {}) },
  });
});

newsroomPreviewApi.get('/articles/:id/overrides', access('staff'), async (c) => {
  const article = await load(c);
  return c.json({ overrides: article.saved?.overrides ?? {}, revision: article.saved?.revision ?? 0 }, 200, { ...privateHeaders, etag: overridesEtag(article.saved) });
});

/** RFC 9110 §13.1.1: `*` (the overrides always have a current representation), or a list of entity tags one of which is the current tag (strong comparison: a weak tag never matches). */
function ifMatchPasses(header: string, currentTag: string): boolean {
  const value = header.trim();
  return value === '*' || value.split(',').some((tag) => tag.trim() === currentTag);
}

/**
 * Saves the newsroom's social fields (an edit: values set, `null` removes). `If-Match` must name the
 * revision the page was built from (RFC 9110 §13.1.1): a stale one gets 412 with who saved what since;
 * none gets 428 (RFC 6585 §3).
 */
newsroomPreviewApi.put('/articles/:id/overrides', access('staff'), jsonBodyLimit(MAX_EDIT_BYTES), async (c) => {
  const ifMatch = c.req.header('if-match');
  if (!ifMatch) throw problem(428, 'Send If-Match with the ETag of the overrides you edited.');
  const edits = editsOrThrow(await readJson(c.req.raw));
  const article = await load(c, edits);
  const current = article.saved?.revision ?? 0;
  const conflict = (now: StoredOverrides | undefined) => problem(412, now ? `${now.updatedBy} saved these fields at ${now.updatedAt} since you loaded the page.` : 'The overrides you edited are not the current ones: none are saved now. Reload the page.', {
    current: now ? { overrides: now.overrides, revision: now.revision, updatedBy: now.updatedBy, updatedAt: now.updatedAt } : null,
    changedFields: changedFields(now?.overrides ?? {}, article.overrides),
    headers: { etag: overridesEtag(now) },
  });
  if (!ifMatchPasses(ifMatch, overridesEtag(article.saved))) throw conflict(article.saved);
  try {
    const saved = await c.var.services.newsroom.save(article, current, c.var.staff!.name);
    return c.json({ overrides: saved.overrides, revision: saved.revision, updatedBy: saved.updatedBy, updatedAt: saved.updatedAt }, 200, { ...privateHeaders, etag: overridesEtag(saved) });
  } catch (err) {
    if (err instanceof OverrideConflictError) throw conflict(err.current);
    throw err;
  }
});

/** "Fetch as each crawler": the public page and its image as each network's crawler gets them, through this Worker. */
newsroomPreviewApi.get('/articles/:id/crawl', access('staff'), async (c) => {
  const article = await load(c);
  const pageUrl = `${c.var.origin}/a/${encodeURIComponent(article.cms.article.id)}`;
  return c.json({ pageUrl, crawlers: await crawlAsNetworks(c.var.selfFetch, pageUrl) }, 200, privateHeaders);
});

/**
 * One-click refresh of Facebook's card after a save: a Graph API re-scrape when FACEBOOK_APP_TOKEN is
 * set, else 501 with the Sharing Debugger, Post Inspector and WebpageBot links.
 */
newsroomPreviewApi.post('/articles/:id/refresh/facebook', access('staff'), async (c) => {
  const article = await load(c);
  const url = article.effective.url;
  const manual = {
    facebook: `${MANUAL_REFRESH_TOOLS.facebook}${encodeURIComponent(url)}`,
    linkedin: `${MANUAL_REFRESH_TOOLS.linkedin}${encodeURIComponent(url)}`,
    telegram: MANUAL_REFRESH_TOOLS.telegram,
  };
  const scraper = c.var.services.facebook;
  if (!scraper) throw problem(501, 'FACEBOOK_APP_TOKEN is not set: use the Sharing Debugger.', { links: manual });
  let outcome;
  try {
    outcome = await scraper.scrape(url);
  } catch (err) {
    return c.json({ type: '/problems/upstream', title: 'Facebook unreachable', status: 502, detail: String(err), links: manual }, 502, { 'content-type': 'application/problem+json', ...privateHeaders });
  }
  if (!outcome.ok) return c.json({ type: '/problems/upstream', title: 'Facebook refused the scrape', status: 502, detail: outcome.detail, links: manual }, 502, { 'content-type': 'application/problem+json', ...privateHeaders });
  return c.json({ network: 'facebook', refreshed: true, detail: outcome.detail, links: manual }, 200, privateHeaders);
});
