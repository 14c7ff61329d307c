import { readAsset, type AssetReader } from '../adapters/assets';
import { BoundedCache } from './bounded-cache';
import { dataUri } from './data-uri';

const logos = new BoundedCache<string>(512 * 1024, (s) => s.length);

const TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

/** The site logo (config LOGO_PATH, a static asset) as a data URI, or undefined when it cannot be read. */
export async function loadLogo(read: AssetReader, path: string): Promise<string | undefined> {
  const type = TYPES[path.split('.').pop()?.toLowerCase() ?? ''];
  if (!type) {
    console.warn(JSON.stringify({ event: 'card-logo-unreadable', path, reason: 'unsupported type' }));
    return undefined;
  }
  try {
    return await logos.get(path, async () => dataUri(await readAsset(read, path), type));
  } catch (err) {
    console.warn(JSON.stringify({ event: 'card-logo-unreadable', path, reason: String(err) }));
    return undefined;
  }
}
