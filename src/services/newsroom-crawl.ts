import { imageSize } from 'image-size';
import { NETWORK_PROFILES, pageTagsFromHtml, type NetworkId, type NetworkProfile } from '../domain/preview';

/** A request answered by this Worker itself (the app's own fetch), never by the internet. */
export type SelfFetch = (request: Request) => Promise<Response>;

/** What one network's crawler got for the page and its image. */
export interface CrawlResult {
  network: NetworkId;
  userAgent: string;
  page: { method: 'GET' | 'HEAD+GET'; headStatus?: number; status: number; bytes: number; bytesBeforeHeadEnd: number | null; rangeLimited: boolean; tags: string[]; ms: number };
  image?: { url: string; status: number; type: string | null; bytes: number; width?: number; height?: number; ms: number };
}

const TAGS_OF_INTEREST = ['og:title', 'og:description', 'og:image', 'og:image:alt', 'og:site_name', 'twitter:card', 'twitter:title', 'twitter:image', 'description'];

/** Reads at most `limit` bytes of a body (then cancels it), as a crawler that reads only the start does. */
async function readUpTo(res: Response, limit: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
  }
  await reader.cancel().catch(() => {});
  const out = new Uint8Array(Math.min(total, limit));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, out.length - at);
    out.set(part, at);
    at += part.length;
    if (at >= out.length) break;
  }
  return out;
}

async function crawlOne(fetchSelf: SelfFetch, pageUrl: string, profile: NetworkProfile): Promise<CrawlResult> {
  const ua = profile.crawler.userAgent.value;
  const headers = { 'user-agent': ua, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' };
  const started = Date.now();
  let headStatus: number | undefined;
  if (profile.crawler.head?.value) headStatus = (await fetchSelf(new Request(pageUrl, { method: 'HEAD', headers }))).status;
  const limit = profile.crawler.maxBytes?.value;
  const res = await fetchSelf(new Request(pageUrl, { headers: limit ? { ...headers, range: `bytes=0-${limit - 1}` } : headers }));
  const bytes = await readUpTo(res, limit ?? 1024 * 1024);
  const html = new TextDecoder().decode(bytes);
  const headEnd = html.search(/<\/head\s*>/i);
  const tags = pageTagsFromHtml(html);
  const page: CrawlResult['page'] = {
    method: headStatus === undefined ? 'GET' : 'HEAD+GET',
    ...(headStatus !== undefined ? { headStatus } : {}),
    status: res.status,
    bytes: bytes.length,
    bytesBeforeHeadEnd: headEnd >= 0 ? new TextEncoder().encode(html.slice(0, headEnd)).length : null,
    rangeLimited: limit !== undefined,
    tags: TAGS_OF_INTEREST.filter((t) => tags.meta.has(t)),
    ms: Date.now() - started,
  };
  const imageUrl = profile.reads.image.map((s) => tags.meta.get(s)?.[0]).find(Boolean);
  if (!imageUrl) return { network: profile.id, userAgent: ua, page };
  const t = Date.now();
  const img = await fetchSelf(new Request(imageUrl, { headers: { 'user-agent': ua, accept: 'image/*' } }));
  const body = new Uint8Array(await img.arrayBuffer());
  let size: { width?: number; height?: number } = {};
  try {
    const s = imageSize(body);
    size = { width: s.width, height: s.height };
  } catch {
    // Not an image the crawler could decode: no pixel size.
  }
  return { network: profile.id, userAgent: ua, page, image: { url: imageUrl, status: img.status, type: img.headers.get('content-type'), bytes: body.length, ...size, ms: Date.now() - t } };
}

/**
 * Requests the public article page and its image as each network's crawler does (its user agent,
 * HEAD first where it probes, only the first bytes where it reads only those), through this Worker.
 * Clocks in Workers advance only across I/O, so `ms` can read 0 for an answer from memory.
 */
export function crawlAsNetworks(fetchSelf: SelfFetch, pageUrl: string, profiles: readonly NetworkProfile[] = NETWORK_PROFILES): Promise<CrawlResult[]> {
  return Promise.all(profiles.map((p) => crawlOne(fetchSelf, pageUrl, p)));
}
