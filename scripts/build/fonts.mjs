// Fonts and emoji for share cards: copies the WOFF subsets of the card faces (satori reads TTF, OTF and
// WOFF, not WOFF2) and the emoji SVGs into the static assets, and writes a manifest with each subset's
// unicode ranges and the list of emoji images, so the Worker fetches only the subsets a card's text
// touches and knows which emoji sequences it can draw (docs/text-rendering.md).
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The card faces. `key` is what src/render/ asks for; the order of CJK faces per language is decided at
 * render time. Only these weights and only the normal style are copied.
 */
export const CARD_FACES = [
  { key: 'serif', pkg: '@fontsource/source-serif-4', weights: [700] }, // headlines, masthead
  { key: 'sans', pkg: '@fontsource/source-sans-3', weights: [400, 700] }, // label, byline, deck
  { key: 'ja', pkg: '@fontsource/noto-serif-jp', weights: [400, 700] },
  { key: 'ko', pkg: '@fontsource/noto-serif-kr', weights: [400, 700] },
  { key: 'zh-hans', pkg: '@fontsource/noto-serif-sc', weights: [400, 700] },
  { key: 'zh-hant', pkg: '@fontsource/noto-serif-tc', weights: [400, 700] },
  // Scripts a world desk prints in names and quotes. Greek, Cyrillic and Vietnamese are in the Source
  // faces' own subsets; these faces add only their script's subset (their Latin is the Source faces').
  { key: 'hebrew-serif', pkg: '@fontsource/noto-serif-hebrew', weights: [700], subsets: ['hebrew'] },
  { key: 'hebrew-sans', pkg: '@fontsource/noto-sans-hebrew', weights: [400, 700], subsets: ['hebrew'] },
  { key: 'arabic-serif', pkg: '@fontsource/noto-naskh-arabic', weights: [700], subsets: ['arabic'] },
  { key: 'arabic-sans', pkg: '@fontsource/noto-sans-arabic', weights: [400, 700], subsets: ['arabic'] },
  { key: 'thai-serif', pkg: '@fontsource/noto-serif-thai', weights: [700], subsets: ['thai'] },
  { key: 'thai-sans', pkg: '@fontsource/noto-sans-thai', weights: [400, 700], subsets: ['thai'] },
  { key: 'devanagari-serif', pkg: '@fontsource/noto-serif-devanagari', weights: [700], subsets: ['devanagari'] },
  { key: 'devanagari-sans', pkg: '@fontsource/noto-sans-devanagari', weights: [400, 700], subsets: ['devanagari'] },
];

/** Twemoji first (the house style); OpenMoji only for sequences Twemoji's last SVG release lacks (Unicode 15.1 and later). */
const EMOJI_PKG = '@twemoji/svg';
const EMOJI_EXTRA_PKG = 'openmoji';

function packageDir(pkg) {
  return dirname(require.resolve(`${pkg}/package.json`));
}

/** `U+0000-00FF,U+0131,U+4??` -> [[0, 255], [305, 305], [1024, 1279]] (CSS Fonts 4, unicode-range). */
export function parseUnicodeRange(value) {
  return value.split(',').map((part) => {
    const token = part.trim().replace(/^U\+/i, '');
    if (token.includes('?')) {
      return [parseInt(token.replaceAll('?', '0'), 16), parseInt(token.replaceAll('?', 'F'), 16)];
    }
    const [start, end = start] = token.split('-');
    return [parseInt(start, 16), parseInt(end, 16)];
  });
}

/** The @font-face rules of a fontsource weight stylesheet: WOFF file name and ranges of each subset. */
export function parseFontsourceCss(css) {
  const faces = [];
  for (const [, body] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const woff = /url\(\.\/files\/([^)]+\.woff)\)\s*format\(['"]woff['"]\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    const weight = Number(/font-weight:\s*(\d+)/.exec(body)?.[1]);
    const style = /font-style:\s*(\w+)/.exec(body)?.[1];
    if (!woff || !range || !weight || style !== 'normal') continue;
    faces.push({ file: woff, weight, ranges: parseUnicodeRange(range) });
  }
  return faces;
}

/** Copies fonts to `<out>/fonts`, emoji to `<out>/emoji` and writes `<out>/fonts/manifest.json`. */
export async function buildCardFonts(out) {
  await mkdir(join(out, 'fonts'), { recursive: true });
  await mkdir(join(out, 'emoji'), { recursive: true });
  const faces = {};
  const versions = [];
  let files = 0;
  for (const face of CARD_FACES) {
    const dir = packageDir(face.pkg);
    const meta = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    versions.push(`${face.pkg}@${meta.version}`);
    const subsets = new Map();
    let family;
    for (const weight of face.weights) {
      const css = await readFile(join(dir, `${weight}.css`), 'utf8');
      family ??= /font-family:\s*'([^']+)'/.exec(css)?.[1];
      for (const f of parseFontsourceCss(css)) {
        // noto-serif-jp-12-700-normal.woff -> subset "12"; source-serif-4-latin-ext-700-normal.woff -> "latin-ext"
        const id = f.file.slice(face.pkg.split('/')[1].length + 1, -`-${f.weight}-normal.woff`.length);
        if (face.subsets && !face.subsets.includes(id)) continue;
        const subset = subsets.get(id) ?? { id, ranges: f.ranges, files: {} };
        subset.files[f.weight] = `/fonts/${f.file}`;
        subsets.set(id, subset);
        await copyFile(join(dir, 'files', f.file), join(out, 'fonts', f.file));
        files++;
      }
    }
    faces[face.key] = { family, weights: face.weights, subsets: [...subsets.values()] };
  }

  const emojiDir = packageDir(EMOJI_PKG);
  const emojiMeta = JSON.parse(await readFile(join(emojiDir, 'package.json'), 'utf8'));
  versions.push(`${EMOJI_PKG}@${emojiMeta.version}`);
  const svgs = (await readdir(emojiDir)).filter((f) => f.endsWith('.svg'));
  await Promise.all(svgs.map((f) => copyFile(join(emojiDir, f), join(out, 'emoji', f))));
  const names = new Set(svgs.map((f) => f.slice(0, -4)));

  // OpenMoji names files by upper-case code points; its private-use extras are not Unicode emoji.
  const extraDir = join(packageDir(EMOJI_EXTRA_PKG), 'color', 'svg');
  const extraMeta = JSON.parse(await readFile(join(packageDir(EMOJI_EXTRA_PKG), 'package.json'), 'utf8'));
  versions.push(`${EMOJI_EXTRA_PKG}@${extraMeta.version}`);
  const extras = [];
  for (const f of await readdir(extraDir)) {
    if (!f.endsWith('.svg')) continue;
    const name = f.slice(0, -4).toLowerCase();
    const cps = name.split('-').map((h) => parseInt(h, 16));
    if (cps.some((cp) => Number.isNaN(cp) || (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000)) continue;
    if (names.has(name) || names.has(name.replace(/-fe0f/g, ''))) continue;
    extras.push(name);
    names.add(name);
  }
  await Promise.all(extras.map((name) => copyFile(join(extraDir, `${name.toUpperCase()}.svg`), join(out, 'emoji', `${name}.svg`))));

  const manifest = { version: versions.join(' '), faces, emoji: { path: '/emoji/', names: [...names].sort() } };
  await writeFile(join(out, 'fonts/manifest.json'), JSON.stringify(manifest));
  return { fonts: files, emoji: names.size };
}
