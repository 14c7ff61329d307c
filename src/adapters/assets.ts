import type { AssetReader } from '../domain/card';

export type { AssetReader };

/** An AssetReader over the `ASSETS` binding; the host is ignored by the binding. */
export function assetReader(assets: Fetcher): AssetReader {
  return (path) => assets.fetch(new Request(new URL(path, 'https://assets.invalid')));
}

export class AssetError extends Error {
  override name = 'AssetError';
}

export async function readAsset(read: AssetReader, path: string): Promise<ArrayBuffer> {
  const res = await read(path);
  if (!res.ok) {
    await res.body?.cancel();
    throw new AssetError(`asset ${path}: ${res.status}`);
  }
  return res.arrayBuffer();
}
