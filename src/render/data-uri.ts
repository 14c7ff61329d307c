/** A `data:` URI, the only way to hand satori an image without it fetching anything. */
export function dataUri(bytes: ArrayBuffer | Uint8Array, type: string): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // btoa takes a binary string; build it in chunks to stay clear of the argument-count limit.
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}
