/**
 * Whether a photo that could not be drawn may be drawn later. A timeout, a network failure or a 5xx
 * (or 408/429) from the photo host, or the Images binding failing to scale, can heal: the card job is retried. Anything else (host not
 * allowed, 404, not an image, undecodable, over the pixel limit) gives the same answer every time:
 * the text card is final for this card version.
 *
 * `reason` is a photo fallback reason of the renderer: `timeout`, `network`, `http-<status>`,
 * `disallowed-host`, `undecodable`, `photo-too-large`, ...
 */
export function isHealablePhotoFailure(reason: string): boolean {
  // `scale-failed`: the Images binding refused a photo it can normally scale.
  if (reason === 'timeout' || reason === 'network' || reason === 'scale-failed') return true;
  const status = /^http-(\d{3})$/.exec(reason)?.[1];
  if (!status) return false;
  const code = Number(status);
  return code >= 500 || code === 408 || code === 429;
}
