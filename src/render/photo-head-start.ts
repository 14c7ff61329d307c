import type { PhotoOutcome } from './photo';

/**
 * Lets a photo card's photo reach the Images binding while the card is laid out (docs/performance.md,
 * "The photo's head start").
 *
 * An isolate's JavaScript and its I/O share one thread: a fetched photo is read, and its bytes reach
 * the binding, only while the render waits on the event loop, and fitting, satori and resvg are CPU
 * work that does not. Measured in the bench, a photo answered a millisecond after the render started
 * was sent to the binding only after the raster, some 45 ms later, and the binding's scale then waited
 * in full. So once the text is fitted (while the photo is fetched), satori waits, until at most
 * `HEAD_START_MS` after the render began, for the photo to be handed to the binding and read by it,
 * and then gives the binding's request `SEND_MS` of free event loop to go out (once read, it was
 * still not out after a few macrotask turns); before the raster it yields again, so that a photo
 * arriving later goes on its way then rather than after the raster.
 */

/**
 * Longest the layout waits for the photo to reach the binding. A photo at hand (a static asset, a
 * subrequest the edge has cached) gets there within it; a slower photo host costs at most this much,
 * less than the scale the layout would otherwise leave waiting.
 */
export const HEAD_START_MS = 10;

/** Free event loop given to the binding's request once the binding has read the photo. */
export const SEND_MS = 4;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Tracks a photo on its way to the binding and yields to it before and between a render's stages. */
export class PhotoHeadStart {
  private settled = false;
  /** Settles when the binding has read the photo, once the photo has been handed to it. */
  private read: Promise<void> | undefined;
  private sent = false;

  /** Settles `HEAD_START_MS` after the render began. */
  private readonly deadline: Promise<void>;

  /**
   * `photo` settles once the photo has been handed to the binding, embedded instead, or refused. Made
   * when the render begins: the head start is counted from then.
   */
  constructor(private readonly photo: Promise<PhotoOutcome>) {
    this.deadline = pause(HEAD_START_MS);
    photo.then(
      (outcome) => {
        this.settled = true;
        if (outcome.ok && outcome.photo.kind === 'composited') this.read = outcome.photo.read;
      },
      () => (this.settled = true),
    );
  }

  /**
   * Before satori: until the photo is on its way to the binding, or `HEAD_START_MS` from the start of
   * the render. The text fitting runs first, while the photo is fetched.
   */
  async start(): Promise<void> {
    await Promise.race([this.photo.then(() => this.read), this.deadline]);
    if (this.read && !this.sent) await Promise.race([this.send(), this.deadline]);
  }

  /**
   * Between two stages: for a photo handed to the binding since the last yield, until its request is
   * on its way (at most `HEAD_START_MS`); else one macrotask turn, if the photo is still being fetched
   * (its fetch and reads move on one turn at a time).
   */
  async between(): Promise<void> {
    if (this.read && !this.sent) await Promise.race([this.send(), pause(HEAD_START_MS)]);
    else if (!this.settled) await pause(0);
  }

  private async send(): Promise<void> {
    this.sent = true;
    await this.read;
    await pause(SEND_MS);
  }
}
