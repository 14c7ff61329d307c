import { readAsset, type AssetReader } from '../adapters/assets';
import { BoundedCache } from './bounded-cache';
import { dataUri } from './data-uri';

const svgs = new BoundedCache<string>(2 * 1024 * 1024, (s) => s.length);

/**
 * Twemoji's file name for an emoji: its code points in hex joined by `-`, without the emoji
 * presentation selector U+FE0F unless the emoji is a ZWJ sequence (twemoji's own rule).
 */
export function twemojiName(emoji: string): string {
  const text = emoji.includes('\u200d') ? emoji : emoji.replace(/\ufe0f/g, '');
  return [...text].map((c) => c.codePointAt(0)!.toString(16)).join('-');
}

/** The emoji as an SVG data URI from the static assets, or undefined when Twemoji has no such file. */
export async function emojiImage(read: AssetReader, basePath: string, emoji: string): Promise<string | undefined> {
  const path = `${basePath}${twemojiName(emoji)}.svg`;
  try {
    return await svgs.get(path, async () => dataUri(await readAsset(read, path), 'image/svg+xml'));
  } catch (err) {
    // satori then draws nothing for this grapheme: worth knowing which emoji the set lacks.
    console.warn(JSON.stringify({ event: 'card-emoji-missing', emoji, path, reason: String(err) }));
    return undefined;
  }
}
