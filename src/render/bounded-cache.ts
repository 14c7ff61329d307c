/**
 * A least-recently-used map of promises bounded by total size, for data kept across requests in one
 * isolate (font subsets, emoji, the logo). Loads of the same key share one promise; a failed load is
 * forgotten so the next request tries again.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; size: number }>();
  private total = 0;

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get size(): number {
    return this.total;
  }

  get count(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert: Map iteration order is insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const entry = { value: load(), size: 0 };
    this.entries.set(key, entry);
    entry.value.then(
      (value) => {
        if (this.entries.get(key) !== entry) return;
        entry.size = this.sizeOf(value);
        this.total += entry.size;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.value;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.total <= this.maxSize || this.entries.size <= 1) break;
      this.entries.delete(key);
      this.total -= entry.size;
    }
  }
}
