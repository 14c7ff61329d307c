import { readAsset, type AssetReader } from '../adapters/assets';
import { emojiLookup, isEmojiPresentation, type EmojiLookup, type FontManifest } from '../domain/typography';
import { BoundedCache } from './bounded-cache';
import { dataUri } from './data-uri';

const svgs = new BoundedCache<string>(2 * 1024 * 1024, (s) => s.length);
const lookups = new WeakMap<FontManifest, EmojiLookup>();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Which emoji sequences the bundled image sets draw (the build lists them in the font manifest). */
export function emojiNames(manifest: FontManifest): EmojiLookup {
  let lookup = lookups.get(manifest);
  if (!lookup) {
    lookup = emojiLookup(new Set(manifest.emoji.names ?? []));
    lookups.set(manifest, lookup);
  }
  return lookup;
}

/** The emoji as an SVG data URI from the static assets, or undefined when no image set has it. */
export async function emojiImage(read: AssetReader, manifest: FontManifest, emoji: string): Promise<string | undefined> {
  const name = emojiNames(manifest)(emoji);
  if (!name) return undefined;
  const path = `${manifest.emoji.path}${name}.svg`;
  try {
    return await svgs.get(path, async () => dataUri(await readAsset(read, path), 'image/svg+xml'));
  } catch (err) {
    // satori then draws nothing for this grapheme: worth knowing which emoji the set lacks.
    console.warn(JSON.stringify({ event: 'card-emoji-missing', emoji, path, reason: String(err) }));
    return undefined;
  }
}

/**
 * The images of every grapheme of `texts` drawn as an emoji: those with emoji presentation, and
 * pictographs in text presentation that no loaded font has (`hasGlyphs`). Satori draws a grapheme
 * found here as an image 1em wide (its `graphemeImages` option), and the measurer counts it the same.
 */
export async function loadEmojiImages(
  read: AssetReader,
  manifest: FontManifest,
  texts: string[],
  hasGlyphs: (grapheme: string) => boolean,
): Promise<Record<string, string>> {
  const wanted = new Set<string>();
  for (const text of texts) {
    for (const { segment } of graphemes.segment(text)) {
      if (isEmojiPresentation(segment) || (/\p{Extended_Pictographic}/u.test(segment) && !hasGlyphs(segment))) wanted.add(segment);
    }
  }
  const images: Record<string, string> = {};
  await Promise.all(
    [...wanted].map(async (g) => {
      const uri = await emojiImage(read, manifest, g);
      if (uri) images[g] = uri;
    }),
  );
  return images;
}
