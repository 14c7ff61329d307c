// Builds dist/assets, the Worker's static assets: the committed files under assets/, plus what is
// generated (fixture photos, the default share image). Nothing generated is committed.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { PHOTOS, paintPhoto } from './build/photos.mjs';
import { pngToJpeg, renderDefaultImage } from './build/default-image.mjs';
import { buildCardFonts } from './build/fonts.mjs';
import { readVars } from './lib/wrangler-vars.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/assets');
const started = Date.now();

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await cp(join(root, 'assets'), out, { recursive: true });

// Photos are deterministic and slow-ish to paint: keep a cache outside dist/assets.
const photoCache = join(root, 'dist/cache/photos');
await mkdir(photoCache, { recursive: true });
await mkdir(join(out, 'photos'), { recursive: true });
for (const [name, spec] of Object.entries(PHOTOS)) {
  const key = join(photoCache, `${name}-${spec.width}x${spec.height}-${spec.seed}.jpg`);
  if (!existsSync(key)) await writeFile(key, paintPhoto(spec));
  await cp(key, join(out, 'photos', `${name}.jpg`));
}

const copied = await buildCardFonts(out);
console.log(`card fonts: ${copied.fonts} subsets, ${copied.emoji} emoji`);

const vars = await readVars(join(root, 'wrangler.toml'));
const logoSvg = await readFile(join(root, 'assets/brand/logo.svg'), 'utf8');
const defaultPng = await renderDefaultImage({ siteName: vars.SITE_NAME ?? 'The Mainichi', themeColor: vars.THEME_COLOR ?? '#0b3d91', logoSvg });
await writeFile(join(out, 'brand/default-share.png'), defaultPng);
// The same image as JPEG: what a card URL ending in .jpg falls back to (bytes, type and extension agree).
await writeFile(join(out, 'brand/default-share.jpg'), pngToJpeg(defaultPng));
// Square card URLs fall back to a square default, so its size is what their metadata says (1200x1200).
const squarePng = await renderDefaultImage({ siteName: vars.SITE_NAME ?? 'The Mainichi', themeColor: vars.THEME_COLOR ?? '#0b3d91', logoSvg, height: 1200 });
await writeFile(join(out, 'brand/default-share-square.png'), squarePng);
await writeFile(join(out, 'brand/default-share-square.jpg'), pngToJpeg(squarePng));

// Headers for static assets (Cloudflare's _headers format): images and fonts are hotlinked by
// crawlers and embeds, so they must be cross-origin readable; everything here is long-lived.
await writeFile(
  join(out, '_headers'),
  [
    '/*',
    '  Access-Control-Allow-Origin: *',
    '  Cross-Origin-Resource-Policy: cross-origin',
    '  X-Content-Type-Options: nosniff',
    '/photos/*',
    '  Cache-Control: public, max-age=86400',
    '/brand/*',
    '  Cache-Control: public, max-age=3600',
    '/fonts/*',
    '  Cache-Control: public, max-age=86400',
    '/emoji/*',
    '  Cache-Control: public, max-age=86400',
    '',
  ].join('\n'),
);

console.log(`built dist/assets in ${Date.now() - started} ms`);
